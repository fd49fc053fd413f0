package org.gridmend.security;

import static org.gridmend.core.StaffGroups.ADMINS;
import static org.gridmend.core.StaffGroups.AUDITORS;
import static org.gridmend.core.StaffGroups.CAMUNDA_ADMIN;
import static org.gridmend.core.StaffGroups.CREWS;
import static org.gridmend.core.StaffGroups.DISPATCHERS;
import static org.gridmend.core.StaffGroups.INTEGRATIONS;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.StaffGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Creates the staff groups and what each may do in Camunda (authorization checks are on), and, outside the demo
 * profile, the first administrator. Refuses to start a real installation without an administrator or with a demo
 * password. Runs at every start and only adds what is missing.
 */
@Component
public class StaffIdentitySetup implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(StaffIdentitySetup.class);
    /** The demo profile's password for every demo user. */
    public static final String DEMO_PASSWORD = "demo";

    private final IdentityService identity;
    private final AuthorizationService authorizations;
    private final AdminAccountProperties admin;
    private final boolean demo;

    StaffIdentitySetup(
            IdentityService identity,
            AuthorizationService authorizations,
            AdminAccountProperties admin,
            Environment environment) {
        this.identity = identity;
        this.authorizations = authorizations;
        this.admin = admin;
        this.demo = environment.acceptsProfiles(Profiles.of("demo"));
        String problem = admin.problem();
        if (!demo && problem != null) {
            throw new IllegalStateException(problem);
        }
    }

    @Override
    public void afterPropertiesSet() {
        group(CREWS, "Crews (外勤班)");
        group(DISPATCHERS, "Dispatchers (内勤班)");
        group(AUDITORS, "Auditors");
        group(StaffGroups.LEADS, "Station leads (班站长)");
        group(StaffGroups.ELECTRICIANS, "Social electricians (社会电工)");
        group(StaffGroups.CUSTODY, "Custody dispatchers (托管)");
        group(StaffGroups.RENTAL, "Rental staff (设备租赁)");
        group(ADMINS, "Administrators");
        group(INTEGRATIONS, "Integrations (AMI head-end)");
        group(CAMUNDA_ADMIN, "Camunda administrators");
        group(StaffGroups.PII, "Personal data (unmasked in audit traces)");

        // Camunda 7.24 checks administrators' permissions like anyone else's; this is what its own first-user
        // setup grants the camunda-admin group.
        for (Resources resource : Resources.values()) {
            grant(ADMINS, resource, Authorization.ANY, Permissions.ALL);
            grant(CAMUNDA_ADMIN, resource, Authorization.ANY, Permissions.ALL);
        }

        grant(CREWS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        // crews see their own Tasklist filter (TasklistFilters), not every filter there is
        revokeAll(CREWS, Resources.FILTER, "*");
        grant(CREWS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

        // station leads work the learning escalations offered to their group (Camunda authorizes candidates)
        grant(StaffGroups.LEADS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revokeAll(StaffGroups.LEADS, Resources.FILTER, "*");
        grant(StaffGroups.LEADS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

        // social electricians work the jobs offered to them, and see no filter but their own
        grant(StaffGroups.ELECTRICIANS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revokeAll(StaffGroups.ELECTRICIANS, Resources.FILTER, "*");
        grant(StaffGroups.ELECTRICIANS, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

        // custody dispatchers work the custody tasks offered to their group
        grant(StaffGroups.CUSTODY, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revokeAll(StaffGroups.CUSTODY, Resources.FILTER, "*");
        grant(StaffGroups.CUSTODY, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

        // rental staff review listings, confirm bookings of the utility's items and decide disputes
        grant(StaffGroups.RENTAL, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        revokeAll(StaffGroups.RENTAL, Resources.FILTER, "*");
        grant(StaffGroups.RENTAL, Resources.PROCESS_DEFINITION, "*", ProcessDefinitionPermissions.READ);

        grant(DISPATCHERS, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(DISPATCHERS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(DISPATCHERS, Resources.FILTER, "*", Permissions.READ);
        grant(DISPATCHERS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(
                DISPATCHERS,
                Resources.PROCESS_DEFINITION,
                "*",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK,
                ProcessDefinitionPermissions.UPDATE_TASK,
                ProcessDefinitionPermissions.TASK_ASSIGN,
                ProcessDefinitionPermissions.TASK_WORK);
        grant(
                DISPATCHERS,
                Resources.PROCESS_INSTANCE,
                "*",
                ProcessInstancePermissions.READ,
                ProcessInstancePermissions.UPDATE,
                ProcessInstancePermissions.CREATE);
        // the one process dispatchers start themselves, from Tasklist's start form: an outage notice
        grant(
                DISPATCHERS,
                Resources.PROCESS_DEFINITION,
                ProcessConstants.OUTAGE_NOTICE,
                ProcessDefinitionPermissions.CREATE_INSTANCE);
        grant(
                DISPATCHERS,
                Resources.TASK,
                "*",
                TaskPermissions.READ,
                TaskPermissions.UPDATE,
                TaskPermissions.TASK_ASSIGN,
                TaskPermissions.TASK_WORK);
        grant(DISPATCHERS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);

        // Auditors read everything, history included, and change nothing.
        grant(AUDITORS, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(AUDITORS, Resources.DEPLOYMENT, "*", Permissions.READ);
        grant(
                AUDITORS,
                Resources.PROCESS_DEFINITION,
                "*",
                ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK);
        grant(AUDITORS, Resources.PROCESS_INSTANCE, "*", ProcessInstancePermissions.READ);
        grant(AUDITORS, Resources.TASK, "*", TaskPermissions.READ);
        grant(AUDITORS, Resources.OPERATION_LOG_CATEGORY, "*", UserOperationLogCategoryPermissions.READ);
        grant(AUDITORS, Resources.HISTORIC_PROCESS_INSTANCE, "*", HistoricProcessInstancePermissions.READ);
        grant(AUDITORS, Resources.HISTORIC_TASK, "*", HistoricTaskPermissions.READ);

        if (!demo) {
            refuseDemoAccounts();
        }
        if (admin.user() != null && !admin.user().isBlank() && admin.problem() == null) {
            createAdministrator(admin.user(), admin.password());
        }
    }

    /**
     * A database that once ran the demo profile keeps its users with their passwords: outside the demo profile
     * GridMend refuses to start while any user still has the demo password, and names them.
     */
    private void refuseDemoAccounts() {
        List<String> found = new ArrayList<>();
        for (User user : identity.createUserQuery().list()) {
            if (identity.checkPassword(user.getId(), DEMO_PASSWORD)) {
                found.add(user.getId());
            }
        }
        if (!found.isEmpty()) {
            throw new IllegalStateException("users with the demo password exist outside the demo profile: " + found
                    + ". Remove them in Camunda Admin (or give them real passwords) before starting without the demo "
                    + "profile.");
        }
    }

    /** Adds a user unless it exists; an existing user keeps its password and gains the groups. */
    public void user(String id, String firstName, String lastName, String password, String... groups) {
        if (identity.createUserQuery().userId(id).count() == 0) {
            User user = identity.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setPassword(password);
            // Camunda's password policy holds for every user but the demo profile's (whose password is "demo")
            ((IdentityServiceImpl) identity).saveUser(user, demo);
            log.info("staff user created userId={} groups={}", id, Arrays.toString(groups));
        }
        for (String group : groups) {
            if (identity.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
                identity.createMembership(id, group);
            }
        }
    }

    /** The demo profile's password for a user GridMend made (an enrolled electrician); nothing outside the demo. */
    public void demoPassword(String id) {
        User user = demo ? identity.createUserQuery().userId(id).singleResult() : null;
        if (user != null && user.getPassword() == null) {
            user.setPassword(DEMO_PASSWORD);
            ((IdentityServiceImpl) identity).saveUser(user, true);
        }
    }

    private void createAdministrator(String id, String password) {
        user(id, "GridMend", "Administrator", password, ADMINS, CAMUNDA_ADMIN);
    }

    private void group(String id, String name) {
        if (identity.createGroupQuery().groupId(id).count() == 0) {
            Group group = identity.newGroup(id);
            group.setName(name);
            group.setType("WORKFLOW");
            identity.saveGroup(group);
            log.info("staff group created groupId={}", id);
        }
    }

    private void revokeAll(String group, Resource resource, String resourceId) {
        authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .list()
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
    }

    /** Grants the permissions to the group on the resource, adding what is missing to an existing grant. */
    void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations
                .createAuthorizationQuery()
                .groupIdIn(group)
                .resourceType(resource)
                .resourceId(resourceId)
                .singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        boolean missing = false;
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                missing = true;
            }
        }
        if (missing) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
