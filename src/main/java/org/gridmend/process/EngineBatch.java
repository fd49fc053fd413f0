package org.gridmend.process;

import java.util.function.Supplier;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs many engine calls as one engine command. Calls made inside reuse the command context, so the engine
 * flushes once at the end: the inserts of, say, 200 process starts go out as a few multi-row statements instead of
 * 200 small flushes. Uses the engine's command executor, which is implementation API: this is the one place that
 * does.
 */
@Component
public class EngineBatch {

    private final ProcessEngineConfigurationImpl configuration;

    EngineBatch(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    public <T> T inOneCommand(Supplier<T> work) {
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> work.get());
    }
}
