package org.gridmend.rental;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What rental staff oversee: every item, bookings by state, each item's month, revenue recorded, overdue returns. */
@Service
public class RentalAdminService {

    static final int LIMIT = 200;

    /** A booking in the overview: whose item, the renter masked, the money recorded. */
    public record BookingLine(
            String id,
            String item,
            String itemTitle,
            String owner,
            String renter,
            LocalDate from,
            LocalDate to,
            String status,
            String statusLabel,
            BigDecimal priceTotal,
            BigDecimal deposit,
            boolean paid,
            BigDecimal deduction,
            BigDecimal refund,
            String installationJob) {}

    /** One item's month. */
    public record ItemMonth(
            String item,
            String title,
            String owner,
            long bookedDays,
            int daysInMonth,
            double utilisation,
            BigDecimal revenue,
            BigDecimal deductions) {}

    public record Month(
            YearMonth month, List<ItemMonth> items, BigDecimal revenue, BigDecimal deductions, String note) {}

    private final RentalItemMapper items;
    private final RentalBookingMapper bookings;
    private final RentalViews views;
    private final UtilityZone zone;
    private final Clock clock;

    RentalAdminService(
            RentalItemMapper items, RentalBookingMapper bookings, RentalViews views, UtilityZone zone, Clock clock) {
        this.items = items;
        this.bookings = bookings;
        this.views = views;
        this.zone = zone;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ItemView> items() {
        return items.all().stream()
                .map(i -> views.item(i, null, null, null, true))
                .toList();
    }

    @Transactional(readOnly = true)
    public List<BookingLine> bookings(String status) {
        if (status != null && !status.isBlank() && !RentalViews.STATUS.containsKey(status)) {
            throw Refusal.invalid("INVALID_FIELD", "status", "status must be one of " + RentalViews.STATUS.keySet());
        }
        return lines(bookings.byStatus(status == null || status.isBlank() ? null : status, LIMIT));
    }

    @Transactional(readOnly = true)
    public List<BookingLine> overdue() {
        return lines(bookings.overdue(LocalDate.now(clock.withZone(zone.zone()))));
    }

    private List<BookingLine> lines(List<BookingRow> rows) {
        Map<Long, RentalItemMapper.ItemRow> byId =
                items.all().stream().collect(Collectors.toMap(RentalItemMapper.ItemRow::id, Function.identity()));
        return rows.stream()
                .map(r -> {
                    RentalItemMapper.ItemRow item = byId.get(r.itemId);
                    return new BookingLine(
                            PublicIds.booking(r.id),
                            PublicIds.rentalItem(r.itemId),
                            item.title(),
                            item.utilityOwned() ? "UTILITY" : "CUSTOMER",
                            Pii.maskPhone(r.renterPhone),
                            r.fromDay,
                            r.toDay,
                            r.status,
                            RentalViews.STATUS.get(r.status),
                            r.priceTotal,
                            r.deposit,
                            r.paidAt != null,
                            r.deduction,
                            r.refund,
                            r.jobId == null ? null : PublicIds.job(r.jobId));
                })
                .toList();
    }

    /** Each item's booked days, utilisation, and the money recorded for bookings starting in the month. */
    @Transactional(readOnly = true)
    public Month month(String month) {
        YearMonth m;
        try {
            m = month == null || month.isBlank() ? YearMonth.now(clock.withZone(zone.zone())) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", "month", "month must be like 2026-12");
        }
        Map<Long, RentalItemMapper.ItemRow> byId =
                items.all().stream().collect(Collectors.toMap(RentalItemMapper.ItemRow::id, Function.identity()));
        int days = m.lengthOfMonth();
        List<ItemMonth> lines = bookings.month(m.atDay(1), m.atEndOfMonth()).stream()
                .map(row -> {
                    RentalItemMapper.ItemRow item = byId.get(row.itemId());
                    return new ItemMonth(
                            PublicIds.rentalItem(row.itemId()),
                            item.title(),
                            item.utilityOwned() ? "UTILITY" : "CUSTOMER",
                            row.bookedDays(),
                            days,
                            Math.round(row.bookedDays() * 1000.0 / days) / 10.0,
                            row.revenue(),
                            row.deductions());
                })
                .toList();
        return new Month(
                m,
                lines,
                lines.stream().map(ItemMonth::revenue).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(ItemMonth::deductions).reduce(BigDecimal.ZERO, BigDecimal::add),
                "租金按开始日所在月份计，已登记付款的预订；扣款为押金中扣除的逾期和损坏费用 (rent of paid bookings by the "
                        + "month they start; deductions are late days and damage taken from deposits)");
    }
}
