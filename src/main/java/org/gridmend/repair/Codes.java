package org.gridmend.repair;

import java.util.Arrays;

import org.gridmend.core.ProcessConstants;
import org.gridmend.process.TaskRefusal;

/**
 * The standard lists crews and dispatchers choose from in the forms: structured answers (and no free text in
 * process variables; notes go to GridMend through {@code /api/repair-orders/{id}/notes}).
 */
public final class Codes {

    private Codes() {}

    /** Low-voltage fault causes (低压故障原因). */
    public enum Cause {
        FUSE_BLOWN("熔断器熔断"),
        BREAKER_TRIPPED("开关跳闸"),
        CONNECTOR_BURNT("线夹或接头烧损"),
        CABLE_FAULT("电缆故障"),
        OVERHEAD_LINE_BROKEN("架空线断线"),
        TRANSFORMER_FAULT("变压器故障"),
        METER_BOX_FAULT("表箱故障"),
        SERVICE_DROP_FAULT("接户线故障"),
        TREE_CONTACT("树障"),
        LIGHTNING("雷击"),
        EXTERNAL_DAMAGE("外力破坏"),
        ANIMAL("小动物"),
        OVERLOAD("过负荷"),
        OTHER("其他原因");

        private final String chinese;

        Cause(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** How the crew restored supply (处理方式). */
    public enum Resolution {
        REPLACED_FUSE("更换熔丝"),
        RESET_BREAKER("开关复位"),
        REPAIRED_CONNECTOR("处理接头"),
        REPAIRED_LINE("修复线路"),
        REPLACED_EQUIPMENT("更换设备"),
        TEMPORARY_SUPPLY("临时供电"),
        OTHER("其他");

        private final String chinese;

        Resolution(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** The crew's answer in "Accept repair order" (接单 / 拒单). */
    public enum CrewAnswer {
        ACCEPT,
        DECLINE;

        /** The answer from the form: a clear refusal for anything else. */
        static CrewAnswer of(Object value) {
            return choice(
                    CrewAnswer.class,
                    value,
                    ProcessConstants.ACCEPT_DECISION,
                    "请选择接单或拒单",
                    "acceptDecision must be ACCEPT or DECLINE");
        }
    }

    /** The reviewer's decision in "Review repair order" (通过 / 退回). */
    public enum ReviewDecision {
        APPROVE,
        SEND_BACK;

        /** The decision from the form: a clear refusal for anything else. */
        static ReviewDecision of(Object value) {
            return choice(
                    ReviewDecision.class,
                    value,
                    ProcessConstants.REVIEW_DECISION,
                    "请选择通过或退回",
                    "reviewDecision must be APPROVE or SEND_BACK");
        }
    }

    /** Why a crew declined an order (拒单原因). */
    public enum DeclineReason {
        ON_ANOTHER_JOB,
        TOO_FAR,
        NO_EQUIPMENT,
        OFF_SHIFT,
        NOT_QUALIFIED,
        OTHER
    }

    /** Why a reviewer sent the order back (退回原因). */
    public enum ReviewRemark {
        MISSING_PHOTOS("缺少现场照片"),
        CAUSE_UNCLEAR("故障原因不清"),
        ARRIVAL_DOUBTFUL("到达记录存疑"),
        INCOMPLETE_RECORD("记录不完整"),
        OTHER("其他");

        private final String chinese;

        ReviewRemark(String chinese) {
            this.chinese = chinese;
        }

        public String chinese() {
            return chinese;
        }
    }

    /** What held the crew up, as the dispatcher records it in "Handle late arrival" (迟到原因). */
    public enum LateCause {
        TRAFFIC,
        WEATHER,
        EARLIER_JOB,
        ACCESS_BLOCKED,
        CREW_UNREACHABLE,
        DISPATCH_DELAY,
        OTHER
    }

    /** A decision from a form (a radio group): one of the constants, else the task stays open with the reason. */
    static <E extends Enum<E>> E choice(Class<E> type, Object value, String field, String chinese, String english) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        throw TaskRefusal.refuse(field, chinese, english);
    }

    /** Reads a code from a form: a clear refusal for anything not on the list, {@code fallback} when absent. */
    static <E extends Enum<E>> E parse(Class<E> type, Object value, E fallback, String field) {
        if (value == null || value.toString().isBlank()) {
            if (fallback != null) {
                return fallback;
            }
            throw TaskRefusal.refuse(field, "请选择" + field, "choose a value for " + field);
        }
        try {
            return Enum.valueOf(type, value.toString());
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse(
                    field, field + " 不在列表中", field + " must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
