package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.gridmend.support.GridMendTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What gridmend.retention.* sets in the engine: every process's time to live and the clean-up window and job. */
@GridMendTest
class RetentionEngineTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RetentionService retention;

    @Test
    void everyProcessKeepsItsHistoryForTheConfiguredDays() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().list())
                .isNotEmpty()
                .extracting(ProcessDefinition::getHistoryTimeToLive)
                .containsOnly(180);
    }

    @Test
    void aDefinitionDeployedWithAnotherTimeToLiveIsSetToTheConfiguredOne() {
        ProcessDefinition definition = engine.getRepositoryService()
                .createProcessDefinitionQuery()
                .processDefinitionKey("OutageNotice")
                .latestVersion()
                .singleResult();
        engine.getRepositoryService().updateProcessDefinitionHistoryTimeToLive(definition.getId(), 7);
        retention.applyHistoryTimeToLive();
        assertThat(engine.getRepositoryService()
                        .getProcessDefinition(definition.getId())
                        .getHistoryTimeToLive())
                .isEqualTo(180);
    }

    @Test
    void theEngineCleansHistoryInTheConfiguredWindow() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
        assertThat(engine.getHistoryService().findHistoryCleanupJobs()).isNotEmpty();
    }
}
