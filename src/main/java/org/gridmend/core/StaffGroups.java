package org.gridmend.core;

import java.util.List;

import org.springframework.security.core.Authentication;

/**
 * The Camunda groups GridMend staff belong to. Spring Security sees each as the role of the same name
 * ({@code ROLE_dispatchers}), so {@code hasRole("dispatchers")} reads like the group it checks.
 */
public final class StaffGroups {

    public static final String CREWS = "crews";
    public static final String DISPATCHERS = "dispatchers";
    public static final String AUDITORS = "auditors";
    public static final String ADMINS = "admins";
    /** Station leads (班站长): decide what happens when a crew fails a skill's exam three times. */
    public static final String LEADS = "leads";
    /** Social electricians (社会电工): approved applicants who work the electrician jobs offered to them. */
    public static final String ELECTRICIANS = "electricians";
    /** Custody dispatchers (托管): review large customers' custody applications and chase overdue inspections. */
    public static final String CUSTODY = "custody";
    /** Rental staff (设备租赁): manage the utility's rental items, review customers' listings, settle disputes. */
    public static final String RENTAL = "rental";
    /** Machines, not people: the AMI head-end that posts meter events. */
    public static final String INTEGRATIONS = "integrations";
    /** Camunda's own administrator group; the admin webapp's first-user setup checks for a member of it. */
    public static final String CAMUNDA_ADMIN = "camunda-admin";
    /**
     * May see personal data (names, phone numbers, addresses) unmasked in audit traces; held together with
     * {@link #AUDITORS}. Every unmasked view is itself recorded in the audit trail.
     */
    public static final String PII = "pii";

    public static final List<String> ALL = List.of(CREWS, DISPATCHERS, AUDITORS, ADMINS);

    private StaffGroups() {}

    public static String role(String group) {
        return "ROLE_" + group;
    }

    public static boolean isMember(Authentication authentication, String group) {
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(a -> role(group).equals(a.getAuthority()));
    }

    public static boolean isAdmin(Authentication authentication) {
        return isMember(authentication, ADMINS);
    }
}
