package org.gridmend.rental;

/** An item's condition on a handover or return checklist. */
enum Condition {
    GOOD("完好", "good"),
    WORN("正常磨损", "normal wear"),
    DAMAGED("有损坏", "damaged");

    final String zh;
    final String en;

    Condition(String zh, String en) {
        this.zh = zh;
        this.en = en;
    }
}
