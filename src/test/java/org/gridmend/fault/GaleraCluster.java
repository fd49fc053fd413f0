package org.gridmend.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A 3-node MariaDB Galera cluster on loopback ports, from Debian's galera-4 and mariadb-server, with the server
 * settings Camunda documents for Galera (deploy/README.md): the first node bootstraps the cluster, the others join by
 * state transfer (rsync), each from a temporary data folder. A node can be killed with SIGKILL; the two left keep
 * the quorum.
 */
final class GaleraCluster implements AutoCloseable {

    static final Path PROVIDER = Path.of("/usr/lib/galera/libgalera_smm.so");

    private final List<Node> nodes = new ArrayList<>();

    private static final class Node {
        final Path dataDir;
        final int port;
        final int galeraPort;
        final int istPort;
        final int sstPort;
        Process server;

        Node(Path dataDir) throws IOException {
            this.dataDir = dataDir;
            this.port = freePort();
            this.galeraPort = freePort();
            this.istPort = freePort();
            this.sstPort = freePort();
        }
    }

    /** Whether galera-4 is installed here. */
    static Optional<Path> provider() {
        return Files.isReadable(PROVIDER) ? Optional.of(PROVIDER) : Optional.empty();
    }

    static GaleraCluster start(Path under) throws IOException, InterruptedException, SQLException {
        Files.createDirectories(under);
        GaleraCluster cluster = new GaleraCluster();
        for (int i = 0; i < 3; i++) {
            cluster.nodes.add(new Node(Files.createTempDirectory(under, "galera-" + (i + 1) + "-")));
        }
        Node first = cluster.nodes.get(0);
        Process install = new ProcessBuilder(
                        "mariadb-install-db",
                        "--no-defaults",
                        "--datadir=" + first.dataDir,
                        "--user=" + System.getProperty("user.name"),
                        "--auth-root-authentication-method=normal",
                        "--skip-test-db")
                .redirectErrorStream(true)
                .redirectOutput(first.dataDir
                        .resolveSibling(first.dataDir.getFileName() + "-install.log")
                        .toFile())
                .start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("mariadb-install-db failed for " + first.dataDir);
        }
        cluster.launch(first, true);
        cluster.waitSynced(first, 1);
        try (Connection c = cluster.root(first);
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE gridmend CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        for (Node joiner : cluster.nodes.subList(1, 3)) {
            // rsync's daemon, started by root, writes the state transfer as nobody
            if ("root".equals(System.getProperty("user.name"))) {
                UserPrincipalLookupService users =
                        joiner.dataDir.getFileSystem().getUserPrincipalLookupService();
                Files.setOwner(joiner.dataDir, users.lookupPrincipalByName("nobody"));
            }
            cluster.launch(joiner, false);
        }
        for (Node node : cluster.nodes) {
            cluster.waitSynced(node, 3);
        }
        return cluster;
    }

    private String gcomm() {
        return nodes.stream().map(n -> "127.0.0.1:" + n.galeraPort).collect(Collectors.joining(","));
    }

    private void launch(Node node, boolean bootstrap) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                PrivateMariaDb.binary().orElseThrow().toString(),
                "--no-defaults",
                "--datadir=" + node.dataDir,
                "--port=" + node.port,
                "--bind-address=127.0.0.1",
                "--socket=" + node.dataDir.resolve("mysqld.sock"),
                "--user=" + System.getProperty("user.name"),
                "--innodb-buffer-pool-size=256M",
                "--max-connections=300",
                // Camunda's Galera settings
                "--binlog-format=row",
                "--default-storage-engine=InnoDB",
                "--innodb-autoinc-lock-mode=2",
                "--transaction-isolation=READ-COMMITTED",
                "--wsrep-on=ON",
                "--wsrep-sync-wait=7",
                "--wsrep-provider=" + PROVIDER,
                "--wsrep-cluster-name=gridmend-test",
                "--wsrep-cluster-address=gcomm://" + gcomm(),
                "--wsrep-node-address=127.0.0.1:" + node.galeraPort,
                "--wsrep-provider-options=base_port=" + node.galeraPort + ";ist.recv_addr=127.0.0.1:" + node.istPort
                        + ";gcache.size=128M",
                "--wsrep-sst-receive-address=127.0.0.1:" + node.sstPort,
                "--wsrep-sst-method=rsync",
                "--wsrep-node-name=" + node.dataDir.getFileName()));
        if (bootstrap) {
            command.add("--wsrep-new-cluster");
        }
        node.server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(node.dataDir
                        .resolveSibling(node.dataDir.getFileName() + ".log")
                        .toFile()))
                .start();
    }

    private Connection root(Node node) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + node.port + "/?connectTimeout=1000", "root", "");
    }

    private void waitSynced(Node node, int size) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(until)) {
            if (!node.server.isAlive()) {
                throw new IllegalStateException("Galera node " + node.dataDir + " exited; see its .log beside it");
            }
            try (Connection c = root(node);
                    Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SHOW STATUS WHERE Variable_name IN ('wsrep_local_state_comment',"
                            + " 'wsrep_cluster_size')")) {
                String state = null;
                int members = 0;
                while (r.next()) {
                    if (r.getString(1).equals("wsrep_local_state_comment")) {
                        state = r.getString(2);
                    } else {
                        members = Integer.parseInt(r.getString(2));
                    }
                }
                if ("Synced".equals(state) && members >= size) {
                    return;
                }
            } catch (SQLException notYet) {
                // starting or receiving its state
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("Galera node " + node.dataDir + " did not sync");
    }

    /**
     * Connector/J's multi-host failover over the three nodes, in order: one node at a time, the next when it fails,
     * writing on after a failover (deploy/README.md).
     */
    String url() {
        return "jdbc:mysql://" + nodes.stream().map(n -> "127.0.0.1:" + n.port).collect(Collectors.joining(","))
                + "/gridmend?failOverReadOnly=false&secondsBeforeRetrySource=30&queriesBeforeRetrySource=0";
    }

    /** A connection to one node, for the test's own reading. */
    Connection connect(int node) throws SQLException {
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + nodes.get(node).port + "/gridmend", "root", "");
    }

    /** SIGKILL of one node, as a crashed server. */
    void kill(int node) throws InterruptedException {
        nodes.get(node).server.destroyForcibly();
        nodes.get(node).server.waitFor();
    }

    int size(int asSeenBy) throws SQLException {
        try (Connection c = connect(asSeenBy);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW STATUS LIKE 'wsrep_cluster_size'")) {
            r.next();
            return Integer.parseInt(r.getString(2));
        }
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): the cluster's twelve ports are chosen before its
     * servers bind them, and a port from the ephemeral range can meanwhile be taken by any outgoing connection (the
     * state transfers' among them).
     */
    private static int freePort() throws IOException {
        for (int tries = 0; tries < 200; tries++) {
            int port = 20_000 + java.util.concurrent.ThreadLocalRandom.current().nextInt(12_000);
            try (ServerSocket socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port below the ephemeral range");
    }

    @Override
    public void close() throws InterruptedException {
        for (Node node : nodes) {
            if (node.server != null && node.server.isAlive()) {
                node.server.destroyForcibly();
                node.server.waitFor();
            }
        }
    }
}
