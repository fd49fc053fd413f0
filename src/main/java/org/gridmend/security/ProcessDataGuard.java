package org.gridmend.security;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractAddIdentityLinkCmd;
import org.camunda.bpm.engine.impl.cmd.ClaimTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.form.FormDefinition;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.gridmend.core.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Process data that users cannot forge. A user who is not an administrator changes process variables only by
 * completing a task (or submitting the outage notice's start form) with the fields of that task's own form: any
 * other variable is refused with 400 naming it. Everything else that writes variables or drives processes from the
 * outside (setting, removing or patching variables, correlating messages, signals, starting or modifying instances,
 * delegating tasks, handing them to someone else) is refused for them with 403, from {@code /engine-rest}, from
 * Tasklist and Cockpit alike. GridMend's own code runs inside its commands or without a user, and is not checked.
 */
@Component
class ProcessDataGuard extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ProcessDataGuard.class);
    /** Commands that write variables, by the engine's naming (SetTaskVariablesCmd, PatchExecutionVariablesCmd, …). */
    private static final Pattern VARIABLE_WRITE = Pattern.compile("(Set|Remove|Patch|Update).*Variable.*Cmd");

    private static final Set<String> DRIVES_PROCESSES = Set.of(
            "CorrelateMessageCmd",
            "CorrelateAllMessageCmd",
            "MessageEventReceivedCmd",
            "SignalCmd",
            "SignalEventReceivedCmd",
            "ModifyProcessInstanceCmd",
            "ModifyProcessInstanceAsyncCmd",
            "ModifyMultipleProcessInstancesCmd",
            "StartProcessInstanceCmd",
            "StartProcessInstanceAtActivitiesCmd",
            "RestartProcessInstancesCmd",
            "RestartProcessInstancesBatchCmd",
            "DelegateTaskCmd",
            "ResolveTaskCmd",
            "SetTaskOwnerCmd",
            "CorrelateMessageAsyncCmd",
            "SetVariablesToProcessInstancesBatchCmd",
            "ProcessInstanceModificationBatchCmd");

    private final Map<String, Set<String>> formFields;

    ProcessDataGuard() {
        this.formFields = readForms();
    }

    /** The keys of every field of every form in {@code forms/}, by form id. */
    static Map<String, Set<String>> readForms() {
        Map<String, Set<String>> forms = new HashMap<>();
        ObjectMapper json = new ObjectMapper();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
                try (InputStream in = r.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    Set<String> keys = new HashSet<>();
                    collect(form.path("components"), keys);
                    forms.put(form.path("id").asText(), Set.copyOf(keys));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the forms", e);
        }
        return Map.copyOf(forms);
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode c : components) {
            if (c.hasNonNull("key")) {
                keys.add(c.path("key").asText());
            }
            collect(c.path("components"), keys);
        }
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> txRequired = configuration.getCustomPreCommandInterceptorsTxRequired() == null
                ? new ArrayList<>()
                : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
        txRequired.add(new Interceptor(configuration));
        configuration.setCustomPreCommandInterceptorsTxRequired(txRequired);
    }

    private final class Interceptor extends CommandInterceptor {

        private final ProcessEngineConfigurationImpl configuration;

        Interceptor(ProcessEngineConfigurationImpl configuration) {
            this.configuration = configuration;
        }

        @Override
        public <T> T execute(Command<T> command) {
            // only what comes from outside: a command inside another runs on behalf of GridMend's own steps
            if (Context.getCommandContext() == null) {
                Authentication user = configuration.getIdentityService().getCurrentAuthentication();
                if (user != null && !isAdmin(user)) {
                    check(command, user);
                }
            }
            return next.execute(command);
        }

        private boolean isAdmin(Authentication user) {
            List<String> groups = user.getGroupIds();
            return groups != null
                    && (groups.contains(StaffGroups.ADMINS) || groups.contains(StaffGroups.CAMUNDA_ADMIN));
        }

        private void check(Command<?> command, Authentication user) {
            String name = command.getClass().getSimpleName();
            if (command instanceof CompleteTaskCmd || command instanceof SubmitTaskFormCmd) {
                String taskId = (String) field(command, "taskId");
                Map<?, ?> variables =
                        (Map<?, ?>) field(command, command instanceof CompleteTaskCmd ? "variables" : "properties");
                onlyFormFields(taskForm(taskId), variables, "task " + taskId, user);
            } else if (command instanceof SubmitStartFormCmd) {
                String definitionId = (String) field(command, "processDefinitionId");
                onlyFormFields(
                        startForm(definitionId),
                        (Map<?, ?>) field(command, "variables"),
                        "the start form of " + definitionId,
                        user);
            } else if (command instanceof ClaimTaskCmd) {
                Object to = field(command, "userId");
                if (to != null && !to.equals(user.getUserId())) {
                    throw refuse(user, "claim a task for someone else");
                }
            } else if (command instanceof AbstractAddIdentityLinkCmd && name.equals("AssignTaskCmd")) {
                Object to = field(command, "userId");
                if (to != null && !to.equals(user.getUserId())) {
                    throw refuse(user, "hand a task to someone else");
                }
            } else if (VARIABLE_WRITE.matcher(name).matches()) {
                throw refuse(user, "change process variables (they are set through the task's form)");
            } else if (DRIVES_PROCESSES.contains(name)) {
                throw refuse(user, "drive processes from outside (" + name.replace("Cmd", "") + ")");
            }
        }

        private void onlyFormFields(String formId, Map<?, ?> variables, String what, Authentication user) {
            if (variables == null || variables.isEmpty()) {
                return;
            }
            Set<String> allowed = formId == null ? Set.of() : formFields.getOrDefault(formId, Set.of());
            for (Object key : variables.keySet()) {
                if (!allowed.contains(String.valueOf(key))) {
                    log.info("variable refused userId={} variable={} form={}", user.getUserId(), key, formId);
                    // the exception Camunda's REST API (and Tasklist) answer with 400 and the message
                    throw new FormFieldValidationException(
                            String.valueOf(key),
                            "variable '" + key
                                    + "' is not a field of the form of " + what
                                    + (formId == null ? "" : " (" + formId + ")") + ": only "
                                    + new TreeSet<>(allowed)
                                    + " may be submitted");
                }
            }
        }

        private String taskForm(String taskId) {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task == null) {
                    return null; // the command itself answers "no such task"
                }
                task.initializeFormKey();
                CamundaFormRef ref = task.getCamundaFormRef();
                return ref == null ? null : ref.getKey();
            });
        }

        private String startForm(String definitionId) {
            return configuration.getCommandExecutorTxRequired().execute(context -> {
                context.disableAuthorizationCheck();
                ProcessDefinitionEntity definition = context.getProcessEngineConfiguration()
                        .getDeploymentCache()
                        .findDeployedProcessDefinitionById(definitionId);
                FormDefinition form = definition == null ? null : definition.getStartFormDefinition();
                return form == null || form.getCamundaFormDefinitionKey() == null
                        ? null
                        : form.getCamundaFormDefinitionKey().getExpressionText();
            });
        }

        private AuthorizationException refuse(Authentication user, String what) {
            log.info("engine operation refused userId={} operation={}", user.getUserId(), what);
            return new AuthorizationException(
                    "user " + user.getUserId() + " may not " + what + "; only administrators may");
        }
    }

    private static Object field(Object command, String name) {
        for (Class<?> c = command.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(command);
            } catch (NoSuchFieldException e) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(command.getClass().getName() + " has no field " + name
                + ": the process data guard needs updating for this Camunda version");
    }
}
