package org.opencrm.accountlifecycle.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.HdrHistogram.Histogram;

/**
 * A fixed number of events sent by concurrent clients as fast as they are answered (a closed loop): each client takes
 * the next individual of the list, times its call, and goes on. Throughput is events over the wall time of the whole
 * run; latencies are per call, in an HdrHistogram per client added up at the end.
 */
final class Load {

    private static final long HIGHEST_NANOS = 60_000_000_000L;

    private Load() {}

    static Result run(int clients, List<String> individualIds, Consumer<String> event) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        AtomicReference<RuntimeException> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Histogram>> latencies = new ArrayList<>();

        long start = System.nanoTime();
        for (int client = 0; client < clients; client++) {
            latencies.add(pool.submit(() -> {
                Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
                for (int i = next.getAndIncrement(); i < individualIds.size(); i = next.getAndIncrement()) {
                    long before = System.nanoTime();
                    try {
                        event.accept(individualIds.get(i));
                    } catch (RuntimeException e) {
                        failures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                    histogram.recordValue(Math.min(System.nanoTime() - before, HIGHEST_NANOS));
                }
                return histogram;
            }));
        }
        Histogram all = new Histogram(HIGHEST_NANOS, 3);
        for (Future<Histogram> latency : latencies) {
            all.add(latency.get());
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();

        if (firstFailure.get() != null) {
            throw new IllegalStateException(
                    failures.get() + " of " + individualIds.size() + " events failed", firstFailure.get());
        }
        return new Result(
                individualIds.size(),
                elapsed / 1e9,
                all.getValueAtPercentile(50) / 1e6,
                all.getValueAtPercentile(99) / 1e6,
                all.getMaxValue() / 1e6);
    }

    /** Latencies in milliseconds. */
    record Result(int events, double seconds, double p50, double p99, double max) {

        double perSecond() {
            return events / seconds;
        }
    }
}
