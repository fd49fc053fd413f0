package org.gridmend.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import org.camunda.bpm.engine.ProcessEngine;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.gridmend.support.GridMendTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.jdbc.core.JdbcTemplate;

@GridMendTest
class StartupOrderTest {

    @Autowired
    ConfigurableListableBeanFactory beans;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProcessEngine engine;

    @Autowired
    Flyway flyway;

    @Test
    void theEngineWaitsForFlyway() {
        String[] engines = beans.getBeanNamesForType(ProcessEngine.class);
        assertThat(engines).isNotEmpty();
        for (String name : engines) {
            String definitionName = beans.containsBeanDefinition(name) ? name : name.replace("&", "");
            assertThat(beans.getBeanDefinition(definitionName).getDependsOn())
                    .as("beans %s waits for", definitionName)
                    .isNotNull()
                    .satisfies(dependsOn -> assertThat(Arrays.asList(dependsOn)).contains("flywayInitializer"));
        }
    }

    @Test
    void ourTablesAndTheEnginesShareTheDatabase() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().current().getVersion()).isGreaterThanOrEqualTo(MigrationVersion.fromVersion("3"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM gm_customer", Long.class))
                .isNotNull();
        assertThat(engine.getManagementService().getTableCount()).containsKey("ACT_RU_EXECUTION");
    }
}
