package org.gridmend.process;

import java.util.Properties;

import org.apache.ibatis.mapping.DatabaseIdProvider;
import org.apache.ibatis.mapping.VendorDatabaseIdProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Lets mapper XML branch on the database ({@code _databaseId}): 'h2' for the embedded default, 'mysql' for MySQL
 * and for MariaDB, which Connector/J reports as MySQL.
 */
@Configuration(proxyBeanMethods = false)
public class MyBatisConfiguration {

    @Bean
    DatabaseIdProvider databaseIdProvider() {
        Properties vendors = new Properties();
        vendors.setProperty("H2", "h2");
        vendors.setProperty("MySQL", "mysql");
        vendors.setProperty("MariaDB", "mysql");
        VendorDatabaseIdProvider provider = new VendorDatabaseIdProvider();
        provider.setProperties(vendors);
        return provider;
    }
}
