package org.gridmend.grid;

import java.sql.DatabaseMetaData;
import java.sql.Statement;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;

/**
 * Migration 2: the spatial index for "nearest customer or transformer" on MySQL and MariaDB.
 *
 * <p>A Java migration because the two servers disagree on syntax that Connector/J cannot tell apart by URL:
 * MySQL 8 only uses a spatial index on a column with an SRID attribute ({@code SRID 0}), which MariaDB does not
 * parse. Both get a plain (SRID 0) POINT with longitude as x. H2 needs nothing: it prefilters on the (lat, lng)
 * indexes of migration 1. Spring Boot hands JavaMigration beans to Flyway.
 */
@Component
class GridSpatialIndexMigration implements JavaMigration {

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("2");
    }

    @Override
    public String getDescription() {
        return "grid spatial index";
    }

    @Override
    public Integer getChecksum() {
        return 2;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws Exception {
        DatabaseMetaData meta = context.getConnection().getMetaData();
        if (!"MySQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
            return;
        }
        boolean mariaDb = meta.getDatabaseProductVersion().toLowerCase().contains("mariadb");
        String point = mariaDb ? "POINT NOT NULL" : "POINT NOT NULL SRID 0";
        try (Statement statement = context.getConnection().createStatement()) {
            for (String table : new String[] {"gm_transformer", "gm_customer"}) {
                // The tables are empty at this version, so a NOT NULL column without default is fine.
                statement.execute("ALTER TABLE " + table + " ADD COLUMN pos " + point);
                statement.execute("CREATE SPATIAL INDEX sx_" + table + "_pos ON " + table + " (pos)");
            }
        }
    }
}
