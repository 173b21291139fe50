package org.opencrm.accountlifecycle.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database of its own for one population, created empty on the server and dropped when closed, or when the JVM is
 * stopped meanwhile (Ctrl-C), so that a run leaves no million-row database behind; the application's Flyway
 * migrations and engine create the tables.
 */
final class BenchmarkDatabase implements AutoCloseable {

    private final BenchmarkSettings settings;
    private final String name;
    private final Thread dropAtExit;

    private BenchmarkDatabase(BenchmarkSettings settings, String name) {
        this.settings = settings;
        this.name = name;
        this.dropAtExit = new Thread(this::dropAtExit, "drop-" + name);
    }

    static BenchmarkDatabase create(BenchmarkSettings settings, int size) throws SQLException {
        String name = "account_lifecycle_bench_" + ProcessHandle.current().pid() + "_" + size;
        BenchmarkDatabase database = new BenchmarkDatabase(settings, name);
        database.onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        database.onServer("CREATE DATABASE " + name);
        Runtime.getRuntime().addShutdownHook(database.dropAtExit);
        return database;
    }

    String url() {
        return urlOf(name);
    }

    String name() {
        return name;
    }

    @Override
    public void close() throws SQLException {
        Runtime.getRuntime().removeShutdownHook(dropAtExit);
        drop();
    }

    private void dropAtExit() {
        try {
            drop();
        } catch (SQLException e) {
            System.err.println("Could not drop the benchmark database " + name + ": " + e.getMessage());
        }
    }

    private void drop() throws SQLException {
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private void onServer(String sql) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(urlOf("postgres"), settings.pgUser(), settings.pgPassword());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private String urlOf(String database) {
        return "jdbc:postgresql://" + settings.pgHost() + ":" + settings.pgPort() + "/" + database;
    }
}
