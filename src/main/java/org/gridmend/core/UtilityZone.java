package org.gridmend.core;

import java.time.ZoneId;

/** The utility's time zone: every time shown to a person, and every time a person enters, is read in it. */
public final class UtilityZone {

    /** China Standard Time, the zone of State Grid's utilities. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private UtilityZone() {}
}
