package org.gridmend.notify;

/** A customer to tell: by customer number (app push when registered) or by phone (SMS). */
public record Recipient(String customerNo, String phone, boolean app) {

    /** Who this is for deduplication: the customer number if known, else the phone. */
    public String key() {
        return customerNo != null ? "C:" + customerNo : "P:" + phone;
    }

    /** PUSH or SMS, or null when there is no way to reach them. */
    public String channel() {
        if (customerNo != null && app) {
            return "PUSH";
        }
        return phone == null || phone.isBlank() ? null : "SMS";
    }
}
