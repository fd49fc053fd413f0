package org.gridmend.rental;

import org.gridmend.customer.CustomerSession;

/**
 * Who calls a rental endpoint: a signed-in customer (a renter, or an owner of listed equipment), and the staff user
 * when the call came with a staff session or HTTP Basic, with whether they are rental staff (who act as the owner of
 * the utility's items).
 */
public record Caller(CustomerSession session, String staffUser, boolean rentalStaff) {

    public static Caller customer(CustomerSession session) {
        return new Caller(session, null, false);
    }

    public static Caller staff(String user) {
        return new Caller(null, user, true);
    }

    String phone() {
        return session == null ? null : session.phone();
    }

    /** Who did it, for the audit trail: the staff user, or the customer's phone masked. */
    String actor() {
        return staffUser != null ? staffUser : "customer";
    }
}
