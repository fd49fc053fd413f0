package org.gridmend.repair;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.plugin.variable.SpinValues;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * On "Dispatch crew manually": the crews a dispatcher could send, best first, as the task-local JSON list
 * {@code candidateCrews} ({@code [{label, value}]}) that the form's select offers.
 */
@Component
class CandidateCrewsListener implements TaskListener {

    static final String CANDIDATE_CREWS = "candidateCrews";
    static final int SHOWN = 20;

    private final DispatchService dispatch;
    private final ObjectMapper json;

    CandidateCrewsListener(DispatchService dispatch, ObjectMapper json) {
        this.dispatch = dispatch;
        this.json = json;
    }

    @Override
    public void notify(DelegateTask task) {
        long incidentId = ProcessVariables.incidentId(task);
        List<Map<String, String>> options = new ArrayList<>();
        for (DispatchService.Candidate candidate : dispatch.candidatesForDispatcher(incidentId)) {
            if (options.size() == SHOWN) {
                break;
            }
            Map<String, String> option = new LinkedHashMap<>();
            option.put("label", candidate.label());
            option.put("value", candidate.crew().id());
            options.add(option);
        }
        try {
            task.setVariableLocal(
                    CANDIDATE_CREWS,
                    SpinValues.jsonValue(json.writeValueAsString(options)).create());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
