package org.gridmend.rental;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.gridmend.process.ProcessVariables;
import org.springframework.stereotype.Component;

/**
 * The RentalBooking process's timers, by a bean name designers write in BPMN: {@code ${rentalTimers.confirmDeadline(execution)}},
 * the payment and handover deadlines, the reminder and the return time of the booking, and the windows to answer a
 * settlement and to rate ({@code gridmend.rental.*}).
 */
@Component("rentalTimers")
public class RentalTimers {

    private final RentalBookingMapper bookings;
    private final RentalTimes times;
    private final RentalProperties properties;

    RentalTimers(RentalBookingMapper bookings, RentalTimes times, RentalProperties properties) {
        this.bookings = bookings;
        this.times = times;
        this.properties = properties;
    }

    private BookingRow row(DelegateExecution execution) {
        return bookings.find(ProcessVariables.bookingId(execution));
    }

    public Date confirmDeadline(DelegateExecution execution) {
        return Date.from(row(execution).confirmDeadline);
    }

    public Date paymentDeadline(DelegateExecution execution) {
        return Date.from(times.paymentDeadline(row(execution)));
    }

    public Date handoverDeadline(DelegateExecution execution) {
        return Date.from(times.handoverDeadline(row(execution)));
    }

    public Date reminderAt(DelegateExecution execution) {
        return Date.from(times.reminderAt(row(execution)));
    }

    public Date dueAt(DelegateExecution execution) {
        return Date.from(times.dueAt(row(execution)));
    }

    public String getSettlementWindow() {
        return properties.settlementWindow().toString();
    }

    public String getRatingWindow() {
        return properties.ratingWindow().toString();
    }
}
