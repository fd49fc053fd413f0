package org.gridmend.fault;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One GridMend node as production runs it: the packaged jar in its own JVM ({@code mysql} and {@code demo}
 * profiles), so that it can be killed with SIGKILL and hold whatever it held at that moment.
 */
final class GridMendNode implements AutoCloseable {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    private final Process process;
    final Path log;

    private GridMendNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static GridMendNode start(String name, PrivateMariaDb db, Path under, String... extraArgs)
            throws IOException, InterruptedException {
        return start(name, db.url(), under, extraArgs);
    }

    /** A node on the database at {@code url} (a Galera cluster's host list, say). */
    static GridMendNode start(String name, String url, Path under, String... extraArgs)
            throws IOException, InterruptedException {
        File jar = jar();
        int port = freePort();
        Path dir = Files.createDirectories(under.resolve(name));
        Path log = dir.resolve("node.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-jar",
                jar.getAbsolutePath(),
                "--spring.profiles.active=mysql,demo",
                "--server.port=" + port,
                "--spring.datasource.url=" + url,
                "--gridmend.node.id=" + name,
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--gridmend.audit.head-file=" + dir.resolve("audit-heads.jsonl"),
                "--gridmend.intake.per-customer.max=1000"));
        command.addAll(List.of(extraArgs));
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        GridMendNode node = new GridMendNode(name, port, process, log);
        Instant until = Instant.now().plus(Duration.ofMinutes(4));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited while starting; see " + log);
            }
            if (node.status("/actuator/health/readiness") == 200) {
                return node;
            }
            Thread.sleep(500);
        }
        node.kill();
        throw new IllegalStateException(name + " did not become ready; see " + log);
    }

    private static File jar() {
        File[] jars = new File("target").listFiles((d, n) -> n.startsWith("gridmend-") && n.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("no target/gridmend-*.jar: the fault tests run after mvn package");
        }
        return jars[0];
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    /** The status of a GET, or -1 when the node does not answer within 5 s. */
    int status(String path) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(base() + path))
                                    .timeout(Duration.ofSeconds(5))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGKILL: no shutdown hook runs, every lock and lease it holds stays as it was. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
