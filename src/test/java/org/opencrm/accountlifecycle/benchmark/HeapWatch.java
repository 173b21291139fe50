package org.opencrm.accountlifecycle.benchmark;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The heap used while one piece of work runs, two ways: the highest used heap seen by sampling every few milliseconds
 * (garbage included, so it mostly says how far the collector let the young generation grow within the fixed heap),
 * and the highest heap left by a full collection this watch forces every few seconds (what the work really keeps
 * alive, the figure that shows whether memory grows with the population). A young collection would not do for the
 * second: it leaves the dead objects of the old generation in place, and more of them the longer the work runs.
 */
final class HeapWatch implements NotificationListener {

    private static final long SAMPLE_MILLIS = 5;
    // a full collection of about 100 MB alive takes a few hundred milliseconds on two cores: a few % of the work's time
    private static final long FULL_COLLECTION_MILLIS = 5_000;
    private static final String FORCED = "System.gc()";

    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans();
    // the collectors report every pool after a collection, metaspace and code cache included
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .map(MemoryPoolMXBean::getName)
            .collect(Collectors.toSet());
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong peakAlive = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private HeapWatch() {
        sampler = new Thread(this::sample, "heap-watch");
        sampler.setDaemon(true);
    }

    /** Collects first, so that what an earlier phase left as garbage does not count. */
    static HeapWatch start() {
        System.gc();
        HeapWatch watch = new HeapWatch();
        long used = watch.memory.getHeapMemoryUsage().getUsed();
        watch.peakUsed.set(used);
        watch.peakAlive.set(used);
        watch.collectors.forEach(
                collector -> ((NotificationEmitter) collector).addNotificationListener(watch, null, null));
        watch.sampler.start();
        return watch;
    }

    HeapPeak stop() throws InterruptedException {
        running = false;
        sampler.join();
        for (GarbageCollectorMXBean collector : collectors) {
            try {
                ((NotificationEmitter) collector).removeNotificationListener(this);
            } catch (ListenerNotFoundException e) {
                throw new IllegalStateException("The listener added at the start is gone", e);
            }
        }
        return new HeapPeak(peakUsed.get(), peakAlive.get());
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        if (!info.getGcCause().equals(FORCED)) {
            return;
        }
        long afterCollection = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                .filter(pool -> heapPools.contains(pool.getKey()))
                .mapToLong(pool -> pool.getValue().getUsed())
                .sum();
        peakAlive.accumulateAndGet(afterCollection, Math::max);
    }

    private void sample() {
        long nextCollection = System.nanoTime() + FULL_COLLECTION_MILLIS * 1_000_000;
        while (running) {
            peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
            if (System.nanoTime() >= nextCollection) {
                System.gc();
                nextCollection = System.nanoTime() + FULL_COLLECTION_MILLIS * 1_000_000;
            }
            try {
                Thread.sleep(SAMPLE_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** In bytes; {@code alive} is the start's own collection when the work ended before the first forced one. */
    record HeapPeak(long used, long alive) {}
}
