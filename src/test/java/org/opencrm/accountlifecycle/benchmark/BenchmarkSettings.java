package org.opencrm.accountlifecycle.benchmark;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What one run measures and where, from system properties (the {@code benchmark} profile of the pom passes them on
 * from {@code -Dbenchmark.*}); the PostgreSQL server defaults to the {@code PG*} environment variables, as psql does.
 *
 * @param sizes the populations enrolled, one fresh database each
 * @param drain accounts due at once in the drain, at most half of a population
 * @param clients concurrent login clients
 * @param logins login events per measurement, at most the accounts outside the drain
 * @param timeout how long one phase may take before the run fails
 */
record BenchmarkSettings(
        List<Integer> sizes,
        int drain,
        int clients,
        int logins,
        String pgHost,
        int pgPort,
        String pgUser,
        String pgPassword,
        Path output,
        Duration timeout) {

    static BenchmarkSettings fromSystemProperties() {
        return new BenchmarkSettings(
                Arrays.stream(property("benchmark.sizes", "10000,100000").split(","))
                        .map(size -> Integer.valueOf(size.strip().replace("_", "")))
                        .toList(),
                Integer.parseInt(property("benchmark.drain", "10000")),
                Integer.parseInt(property("benchmark.clients", "16")),
                Integer.parseInt(property("benchmark.logins", "20000")),
                property("benchmark.pg.host", env("PGHOST", "127.0.0.1")),
                Integer.parseInt(property("benchmark.pg.port", env("PGPORT", "5432"))),
                property("benchmark.pg.user", env("PGUSER", "postgres")),
                property("benchmark.pg.password", env("PGPASSWORD", "")),
                Path.of(property("benchmark.output", "target/benchmark")),
                Duration.ofMinutes(Long.parseLong(property("benchmark.timeout-minutes", "60"))));
    }

    /** The drain of one population: the accounts outside it take the logins, so it takes half at most. */
    int drainOf(int size) {
        return Math.min(drain, size / 2);
    }

    private static String property(String name, String defaultValue) {
        String value = System.getProperty(name, "");
        return value.isBlank() ? defaultValue : value;
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
