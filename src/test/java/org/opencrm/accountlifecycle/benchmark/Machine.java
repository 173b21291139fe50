package org.opencrm.accountlifecycle.benchmark;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Where the figures came from: they mean little without it. */
record Machine(List<String> lines) {

    static Machine describe(BenchmarkSettings settings) throws SQLException {
        List<String> lines = new ArrayList<>();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        lines.add("cores: %d, memory: %.1f GiB, %s %s (%s)"
                .formatted(
                        Runtime.getRuntime().availableProcessors(),
                        os.getTotalMemorySize() / (double) (1L << 30),
                        System.getProperty("os.name"),
                        System.getProperty("os.version"),
                        System.getProperty("os.arch")));
        lines.add("java: %s %s (%s), heap max %d MB, JVM options: %s"
                .formatted(
                        System.getProperty("java.vm.name"),
                        System.getProperty("java.runtime.version"),
                        System.getProperty("java.vm.vendor"),
                        Runtime.getRuntime().maxMemory() >> 20,
                        String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())));
        lines.add("garbage collectors: "
                + String.join(
                        ", ",
                        ManagementFactory.getGarbageCollectorMXBeans().stream()
                                .map(collector -> collector.getName())
                                .toList()));
        String url = "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, settings.pgUser(), settings.pgPassword());
                Statement statement = connection.createStatement()) {
            lines.add("database: " + single(statement, "SELECT version()") + " at " + settings.pgHost() + ":"
                    + settings.pgPort() + ", shared_buffers " + single(statement, "SHOW shared_buffers")
                    + ", synchronous_commit " + single(statement, "SHOW synchronous_commit")
                    + ", fsync " + single(statement, "SHOW fsync") + ", autovacuum "
                    + single(statement, "SHOW autovacuum"));
        }
        return new Machine(lines);
    }

    private static String single(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
