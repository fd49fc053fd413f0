package org.gridmend.custody;

import java.util.ArrayList;
import java.util.List;

/** What a distribution room holds, and the maintenance plan's template per type. */
public final class Equipment {

    private Equipment() {}

    public enum Type {
        TRANSFORMER("变压器", "transformer"),
        SWITCHGEAR("开关柜", "switchgear"),
        CABLE("电缆", "cable"),
        GENERATOR("发电机", "generator");

        final String zh;
        final String en;

        Type(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        String label() {
            return zh + " (" + en + ")";
        }
    }

    /** The plan's kinds of visit: every month, every third month, every twelfth. */
    public enum Inspection {
        MONTHLY_INSPECTION("月度巡视", "monthly inspection", 1),
        QUARTERLY_INFRARED("季度红外测温", "quarterly infrared check", 3),
        YEARLY_TEST("年度预防性试验", "yearly preventive test", 12);

        final String zh;
        final String en;
        final int everyMonths;

        Inspection(String zh, String en, int everyMonths) {
            this.zh = zh;
            this.en = en;
            this.everyMonths = everyMonths;
        }
    }

    /**
     * What round {@code n} (1 = a month after the start) does to one piece of equipment: the most thorough visit due
     * then (a yearly test includes the month's inspection). Generators have no infrared check; their yearly test is a
     * run under load.
     */
    static Inspection due(Type type, int round) {
        List<Inspection> kinds = new ArrayList<>(List.of(Inspection.MONTHLY_INSPECTION, Inspection.YEARLY_TEST));
        if (type != Type.GENERATOR) {
            kinds.add(1, Inspection.QUARTERLY_INFRARED);
        }
        Inspection due = Inspection.MONTHLY_INSPECTION;
        for (Inspection kind : kinds) {
            if (round % kind.everyMonths == 0) {
                due = kind;
            }
        }
        return due;
    }
}
