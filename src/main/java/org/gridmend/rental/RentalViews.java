package org.gridmend.rental;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.EventSubscription;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.gridmend.core.Pii;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.UtilityZone;
import org.springframework.stereotype.Component;

/** Items and bookings as the pages show them. */
@Component
class RentalViews {

    static final Map<String, String> STATUS = Map.ofEntries(
            Map.entry("HELD", "待确认 awaiting the owner"),
            Map.entry("CONFIRMED", "待付款 confirmed, to pay"),
            Map.entry("PAID", "待交付 paid, to hand over"),
            Map.entry("HANDED_OVER", "租用中 in use"),
            Map.entry("RETURNED", "已归还 returned"),
            Map.entry("SETTLING", "待确认结算 settlement to accept"),
            Map.entry("DISPUTED", "争议处理中 in dispute"),
            Map.entry("CLOSED", "已完成 closed"),
            Map.entry("DECLINED", "已拒绝 declined"),
            Map.entry("LAPSED", "已失效 the owner did not answer"),
            Map.entry("CANCELLED", "已取消 cancelled"),
            Map.entry("UNPAID", "未付款已取消 cancelled, not paid"),
            Map.entry("NO_SHOW", "未交付 not handed over"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RentalBookingMapper bookings;
    private final RentalPhotoMapper photos;
    private final RuntimeService runtime;
    private final RentalProperties properties;
    private final UtilityZone zone;

    RentalViews(
            RentalBookingMapper bookings,
            RentalPhotoMapper photos,
            RuntimeService runtime,
            RentalProperties properties,
            UtilityZone zone) {
        this.bookings = bookings;
        this.photos = photos;
        this.runtime = runtime;
        this.properties = properties;
        this.zone = zone;
    }

    static Map<String, Object> spec(String json) {
        try {
            return JSON.readValue(json, new TypeReference<Map<String, Object>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a rental item's specification is not JSON", e);
        }
    }

    static String json(Map<String, Object> spec) {
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    ItemView item(
            RentalItemMapper.ItemRow row, Double distanceKm, Integer days, List<LocalDate> booked, boolean owner) {
        RentalItemType type = RentalItemType.valueOf(row.type());
        String id = PublicIds.rentalItem(row.id());
        return new ItemView(
                id,
                row.type(),
                type.label(),
                row.title(),
                row.rating(),
                spec(row.spec()),
                row.place(),
                row.lat(),
                row.lng(),
                distanceKm == null ? null : Math.round(distanceKm * 10) / 10.0,
                row.dailyPrice(),
                row.deposit(),
                row.minDays(),
                row.maxDays(),
                row.needsInstallation(),
                type.reading.name(),
                row.utilityOwned() ? "UTILITY" : "CUSTOMER",
                row.utilityOwned() ? "国家电网 the utility" : "个人用户 a customer",
                row.starsCount() == 0 ? null : Math.round(row.starsSum() * 10.0 / row.starsCount()) / 10.0,
                row.starsCount(),
                row.status(),
                owner ? row.refusalReason() : null,
                photos.ofItem(row.id()).stream()
                        .map(p -> "/api/rental/items/" + id + "/photos/" + p.id())
                        .toList(),
                days,
                days == null ? null : row.dailyPrice().multiply(BigDecimal.valueOf(days)),
                booked);
    }

    BookingView booking(RentalAccess.Booking b) {
        BookingRow r = b.row();
        RentalItemMapper.ItemRow item = b.item();
        boolean owner = b.party() == RentalAccess.Party.OWNER;
        boolean agreed = r.confirmedAt != null;
        RentalBookingMapper.Stars renter = bookings.renterStars(r.renterPhone);
        BookingView.Person renterPerson = owner
                ? new BookingView.Person(
                        "租用人 renter",
                        agreed ? r.renterPhone : Pii.maskPhone(r.renterPhone),
                        renter.count() == 0 ? null : Math.round(renter.sum() * 10.0 / renter.count()) / 10.0,
                        renter.count())
                : null;
        BookingView.Person ownerPerson = owner
                ? null
                : new BookingView.Person(
                        item.utilityOwned() ? "国家电网租赁服务台 the utility's rental desk" : "出租人 owner",
                        !agreed ? null : item.utilityOwned() ? properties.deskPhone() : item.ownerPhone(),
                        item.starsCount() == 0 ? null : Math.round(item.starsSum() * 10.0 / item.starsCount()) / 10.0,
                        item.starsCount());
        String id = PublicIds.booking(r.id);
        RentalItemType type = RentalItemType.valueOf(item.type());
        return new BookingView(
                id,
                r.status,
                STATUS.get(r.status),
                b.party().name(),
                item(item, null, null, null, owner),
                r.fromDay,
                r.toDay,
                r.days,
                r.dailyPrice,
                r.priceTotal,
                r.deposit,
                r.deliveryAddress,
                r.installation,
                r.jobId == null ? null : PublicIds.job(r.jobId),
                "HELD".equals(r.status) ? zone.showBoth(r.confirmDeadline) : null,
                renterPerson,
                ownerPerson,
                r.handoverOwnerAt == null
                        ? null
                        : new BookingView.Checklist(
                                r.handoverCondition,
                                Condition.valueOf(r.handoverCondition).zh,
                                r.handoverReading,
                                type.reading.name(),
                                r.handoverNotes,
                                show(r.handoverOwnerAt),
                                show(r.handoverRenterAt),
                                null),
                r.returnedAt == null
                        ? null
                        : new BookingView.Checklist(
                                r.returnCondition,
                                Condition.valueOf(r.returnCondition).zh,
                                r.returnReading,
                                type.reading.name(),
                                r.returnNotes,
                                show(r.returnedAt),
                                null,
                                r.damageAmount),
                r.deduction == null
                        ? null
                        : new BookingView.Settlement(
                                r.lateDays,
                                r.dailyPrice.multiply(BigDecimal.valueOf(r.lateDays == null ? 0 : r.lateDays)),
                                r.damageAmount,
                                r.deduction,
                                r.refund,
                                r.owed,
                                r.disputeReason,
                                r.disputeOutcome,
                                show(r.settledAt)),
                new BookingView.Ratings(r.renterStars, r.renterComment, r.ownerStars, r.ownerComment),
                stages(r),
                bookings.events(r.id).stream()
                        .map(e -> new BookingView.Line(zone.show(e.at()), e.kind(), e.text()))
                        .toList(),
                photos.ofBooking(r.id).stream()
                        .map(p -> "/api/rental/bookings/" + id + "/photos/" + p.id())
                        .toList(),
                actions(b),
                zone.nameZh() + " " + zone.nameEn());
    }

    private String show(Instant at) {
        return at == null ? null : zone.show(at);
    }

    private List<BookingView.Stage> stages(BookingRow r) {
        List<BookingView.Stage> stages = new ArrayList<>();
        stages.add(stage("BOOKED", "已预订 booked", r.createdAt));
        stages.add(stage("CONFIRMED", "出租人已确认 confirmed", r.confirmedAt));
        stages.add(stage("PAID", "已付款 paid", r.paidAt));
        stages.add(stage("HANDED_OVER", "已交付 handed over", r.handedOverAt));
        stages.add(stage("RETURNED", "已归还 returned", r.returnedAt));
        stages.add(stage("SETTLED", "押金已结算 deposit settled", r.settledAt));
        stages.add(stage("RATED", "已评价 rated", r.renterStars != null ? r.updatedAt : null));
        if (Set.of("DECLINED", "LAPSED", "CANCELLED", "UNPAID", "NO_SHOW").contains(r.status)) {
            stages.removeIf(s -> !s.done());
            stages.add(new BookingView.Stage(r.status, STATUS.get(r.status), true, show(r.updatedAt)));
        }
        return stages;
    }

    private BookingView.Stage stage(String key, String label, Instant at) {
        return new BookingView.Stage(key, label, at != null, show(at));
    }

    /** What the caller may do now: one look at the process's message subscriptions. */
    private List<String> actions(RentalAccess.Booking b) {
        BookingRow r = b.row();
        ProcessInstance instance = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.RENTAL_BOOKING)
                .processInstanceBusinessKey(PublicIds.booking(r.id))
                .singleResult();
        if (instance == null) {
            return List.of();
        }
        Set<String> waits = runtime.createEventSubscriptionQuery().processInstanceId(instance.getId()).list().stream()
                .map(EventSubscription::getEventName)
                .collect(Collectors.toSet());
        List<String> actions = new ArrayList<>();
        boolean beforeHandover = Set.of("HELD", "CONFIRMED", "PAID").contains(r.status);
        if (b.party() == RentalAccess.Party.RENTER) {
            if (beforeHandover && r.handoverRenterAt == null) {
                actions.add("CANCEL");
            }
            if (waits.contains(ProcessConstants.MESSAGE_HANDED_OVER) && r.handoverOwnerAt != null) {
                actions.add("SIGN_HANDOVER");
            }
            if (waits.contains(ProcessConstants.MESSAGE_SETTLEMENT_ACCEPTED)) {
                actions.add("ANSWER_SETTLEMENT");
            }
            if (waits.contains(ProcessConstants.MESSAGE_RATED_BY_RENTER)) {
                actions.add("RATE");
            }
        } else {
            if (waits.contains(ProcessConstants.MESSAGE_OWNER_ANSWERED)) {
                actions.add("ANSWER");
            }
            if ("HELD".equals(r.status) && b.item().utilityOwned()) {
                actions.add("ANSWER_IN_TASKLIST");
            }
            if (waits.contains(ProcessConstants.MESSAGE_PAYMENT_RECORDED)) {
                actions.add("RECORD_PAYMENT");
            }
            if (waits.contains(ProcessConstants.MESSAGE_HANDED_OVER)) {
                actions.add("CHECK_HANDOVER");
            }
            if (waits.contains(ProcessConstants.MESSAGE_RETURNED)) {
                actions.add("CHECK_RETURN");
            }
            if (waits.contains(ProcessConstants.MESSAGE_RATED_BY_OWNER)) {
                actions.add("RATE");
            }
        }
        if (Set.of("HANDED_OVER", "PAID", "RETURNED").contains(r.status)) {
            actions.add("ADD_PHOTO");
        }
        return actions;
    }

    static BigDecimal yuan(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_UP);
    }
}
