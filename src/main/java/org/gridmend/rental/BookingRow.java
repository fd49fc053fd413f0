package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One row of gm_rental_booking, as MyBatis reads it. */
public class BookingRow {
    public long id;
    public String requestId;
    public String renterPhone;
    public long itemId;
    public LocalDate fromDay;
    public LocalDate toDay;
    public int days;
    public BigDecimal dailyPrice;
    public BigDecimal priceTotal;
    public BigDecimal deposit;
    public String deliveryAddress;
    public double placeLat;
    public double placeLng;
    public boolean installation;
    public Long jobId;
    public String status;
    public String declineReason;
    public Instant confirmDeadline;
    public String answeredBy;
    public Instant confirmedAt;
    public Instant paidAt;
    public String paymentMethod;
    public String paidRecordedBy;
    public String handoverCondition;
    public BigDecimal handoverReading;
    public String handoverNotes;
    public Instant handoverOwnerAt;
    public Instant handoverRenterAt;
    public Instant handedOverAt;
    public Instant remindedAt;
    public Instant lateToldAt;
    public Instant returnedAt;
    public String returnCondition;
    public BigDecimal returnReading;
    public String returnNotes;
    public BigDecimal damageAmount;
    public Integer lateDays;
    public BigDecimal deduction;
    public BigDecimal refund;
    public BigDecimal owed;
    public String disputeReason;
    public String disputeOutcome;
    public Instant settledAt;
    public Integer renterStars;
    public String renterComment;
    public Integer ownerStars;
    public String ownerComment;
    public Instant closedAt;
    public Instant createdAt;
    public Instant updatedAt;
}
