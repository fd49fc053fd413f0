package org.gridmend.support;

import org.gridmend.core.StaffGroups;
import org.gridmend.security.StaffIdentitySetup;

/** One staff user per group, created through the same code path as real users. */
public final class TestUsers {

    public static final String PASSWORD = "Kq8#vLm2-zP4w";
    public static final String CREW = "tcrew";
    public static final String DISPATCHER = "tdispatcher";
    public static final String AUDITOR = "tauditor";
    public static final String ADMIN = "tadmin";
    public static final String LEAD = "tlead";
    /** In group electricians, with no registration of its own (an electrician sees only their own jobs). */
    public static final String ELECTRICIAN = "telectrician";
    /** Rental staff: the utility's rental items, listings to review, deposit disputes. */
    public static final String RENTAL = "trental";
    /** An auditor who may also see personal data unmasked. */
    public static final String PRIVACY_AUDITOR = "tprivacy";
    /** Signed in, but in none of GridMend's groups. */
    public static final String OUTSIDER = "toutsider";

    private TestUsers() {}

    public static void create(StaffIdentitySetup staff) {
        staff.user(CREW, "Test", "Crew", PASSWORD, StaffGroups.CREWS);
        staff.user(DISPATCHER, "Test", "Dispatcher", PASSWORD, StaffGroups.DISPATCHERS);
        staff.user(AUDITOR, "Test", "Auditor", PASSWORD, StaffGroups.AUDITORS);
        staff.user(ADMIN, "Test", "Admin", PASSWORD, StaffGroups.ADMINS);
        staff.user(LEAD, "Test", "Lead", PASSWORD, StaffGroups.LEADS);
        staff.user(ELECTRICIAN, "Test", "Electrician", PASSWORD, StaffGroups.ELECTRICIANS);
        staff.user(RENTAL, "Test", "Rental", PASSWORD, StaffGroups.RENTAL);
        staff.user(PRIVACY_AUDITOR, "Test", "Privacy", PASSWORD, StaffGroups.AUDITORS, StaffGroups.PII);
        staff.user(OUTSIDER, "Test", "Outsider", PASSWORD);
    }

    public static String userOf(String group) {
        return switch (group) {
            case StaffGroups.CREWS -> CREW;
            case StaffGroups.DISPATCHERS -> DISPATCHER;
            case StaffGroups.AUDITORS -> AUDITOR;
            case StaffGroups.ADMINS -> ADMIN;
            case StaffGroups.LEADS -> LEAD;
            case StaffGroups.ELECTRICIANS -> ELECTRICIAN;
            case StaffGroups.RENTAL -> RENTAL;
            default -> OUTSIDER;
        };
    }
}
