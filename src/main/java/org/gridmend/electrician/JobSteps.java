package org.gridmend.electrician;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.gridmend.process.TaskRefusal;

/** The values of the electricians' and dispatchers' forms, checked as their tasks complete. */
final class JobSteps {

    /** What the electrician found, as the quote form offers it. */
    enum Cause {
        BREAKER_TRIPPED("空开或漏保跳闸", "breaker or RCD tripped"),
        WIRING_FAULT("户内线路故障", "house wiring fault"),
        METER_BOX_FAULT("表箱内故障", "fault in the meter box"),
        APPLIANCE_FAULT("电器故障", "appliance fault"),
        CHARGER_FAULT("充电桩故障", "charger fault"),
        INSTALLATION("安装服务", "installation work");

        final String zh;
        final String en;

        Cause(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    /** A customer's dispute and a dispatcher's outcome. */
    enum DisputeKind {
        NOT_FIXED,
        OVERCHARGED
    }

    enum DisputeOutcome {
        REVISIT("电工将免费再次上门", "the electrician comes back free of charge"),
        REFUND("电工退还多收的费用", "the electrician refunds what was charged over the quote"),
        REJECTED("经核实，服务符合报价和完成情况", "the job was done as quoted");

        final String zh;
        final String en;

        DisputeOutcome(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }
    }

    private JobSteps() {}

    /** An amount in yuan from a form's number field, 0 to max, in fen. */
    static BigDecimal money(Object value, String field, int max) {
        if (!(value instanceof Number n)) {
            throw TaskRefusal.refuse(field, "请填写金额（元）", field + " must be an amount in yuan");
        }
        BigDecimal amount = new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
        if (amount.signum() < 0 || amount.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw TaskRefusal.refuse(field, "金额应在 0 到 " + max + " 元之间", field + " must be 0 to " + max + " yuan");
        }
        return amount;
    }

    static <E extends Enum<E>> E choice(Class<E> type, Object value, String field, String chinese, String english) {
        try {
            return Enum.valueOf(type, String.valueOf(value));
        } catch (IllegalArgumentException e) {
            throw TaskRefusal.refuse(field, chinese, english);
        }
    }
}
