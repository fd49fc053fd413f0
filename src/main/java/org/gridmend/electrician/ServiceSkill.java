package org.gridmend.electrician;

/** What a social electrician does, from a fixed list; a job asks for one. */
public enum ServiceSkill {
    HOUSE_WIRING("户内线路", "house wiring"),
    METER_BOX_BREAKER("表箱和开关", "meter box and breaker"),
    APPLIANCES("家用电器", "appliances"),
    EV_CHARGER("充电桩安装", "EV charger installation"),
    DISTRIBUTION_ROOM("配电房", "distribution room");

    private final String zh;
    private final String en;

    ServiceSkill(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }

    public String zh() {
        return zh;
    }

    public String en() {
        return en;
    }

    /** "户内线路 (house wiring)". */
    public String label() {
        return zh + " (" + en + ")";
    }
}
