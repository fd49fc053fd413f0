package org.gridmend.process;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.gridmend.core.StaffGroups;
import org.gridmend.security.StaffPasswords;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Engine settings that have no Spring Boot property: GridMend's {@code admins} group is a Camunda admin group, and
 * passwords are checked by {@link org.gridmend.security.StaffPasswords}.
 */
@Configuration(proxyBeanMethods = false)
class EngineConfiguration {

    @Bean
    ProcessEnginePlugin adminGroupsPlugin() {
        return new AbstractProcessEnginePlugin() {
            @Override
            public void preInit(ProcessEngineConfigurationImpl configuration) {
                List<String> groups = configuration.getAdminGroups() == null
                        ? new ArrayList<>()
                        : new ArrayList<>(configuration.getAdminGroups());
                if (!groups.contains(StaffGroups.ADMINS)) {
                    groups.add(StaffGroups.ADMINS);
                }
                configuration.setAdminGroups(groups);
                // password checks without Camunda's lock-out, the same work for unknown users
                configuration.setIdentityProviderSessionFactory(StaffPasswords.factory());
            }
        };
    }
}
