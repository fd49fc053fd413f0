package org.gridmend.customer;

import java.time.Instant;
import java.util.List;

/** A signed-in customer: the verified phone (E.164) and the customer numbers it holds. */
public record CustomerSession(String phone, List<String> customerNos, Instant expiresAt) {

    public boolean holds(String customerNo) {
        return customerNo != null && customerNos.contains(customerNo.trim());
    }
}
