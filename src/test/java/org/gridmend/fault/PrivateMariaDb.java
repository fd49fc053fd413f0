package org.gridmend.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A MariaDB server of the fault tests' own, from a temporary data folder on a free loopback port, started from the
 * machine's {@code mariadbd} (Debian's mariadb-server, which .ci/run installs). Unlike the shared database of the
 * other integration tests it can be killed with SIGKILL in the middle of a storm and started again on the same
 * data, as a crashed database server is.
 */
final class PrivateMariaDb implements AutoCloseable {

    private final Path dataDir;
    private final int port;
    private final Path log;
    private Process server;

    private PrivateMariaDb(Path dataDir, int port) {
        this.dataDir = dataDir;
        this.port = port;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    /** The server binary, or empty where mariadb-server is not installed. */
    static Optional<Path> binary() {
        for (String candidate : List.of("/usr/sbin/mariadbd", "/usr/bin/mariadbd", "/usr/sbin/mysqld")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    static PrivateMariaDb install(Path under) throws IOException, InterruptedException {
        Files.createDirectories(under);
        Path dataDir = Files.createTempDirectory(under, "mariadb-");
        Process install = new ProcessBuilder(
                        "mariadb-install-db",
                        "--no-defaults",
                        "--datadir=" + dataDir,
                        "--user=" + System.getProperty("user.name"),
                        "--auth-root-authentication-method=normal",
                        "--skip-test-db")
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolveSibling(dataDir.getFileName() + "-install.log")
                        .toFile())
                .start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed; see " + dataDir + "-install.log");
        }
        PrivateMariaDb db = new PrivateMariaDb(dataDir, freePort());
        db.start();
        db.execute("CREATE DATABASE gridmend CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        return db;
    }

    String url() {
        return "jdbc:mysql://127.0.0.1:" + port + "/gridmend";
    }

    void start() throws IOException, InterruptedException {
        server = new ProcessBuilder(
                        binary().orElseThrow().toString(),
                        "--no-defaults",
                        "--datadir=" + dataDir,
                        "--port=" + port,
                        "--bind-address=127.0.0.1",
                        "--socket=" + dataDir.resolve("mysqld.sock"),
                        "--user=" + System.getProperty("user.name"),
                        "--innodb-buffer-pool-size=256M",
                        "--max-connections=300",
                        "--skip-log-bin")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Instant until = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(until)) {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:mysql://127.0.0.1:" + port + "/?connectTimeout=1000", "root", "")) {
                return;
            } catch (SQLException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("MariaDB did not start; see " + log);
    }

    /** SIGKILL, as a crash: no shutdown, no flush beyond what InnoDB already made durable. */
    void kill() throws InterruptedException {
        server.destroyForcibly();
        server.waitFor();
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "root", "");
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/", "root", "");
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (server != null && server.isAlive()) {
            kill();
        }
    }
}
