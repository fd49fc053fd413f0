package org.gridmend.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/rental-booking.bpmn: a booking of the utility's generator confirmed in Tasklist, paid,
 * handed over, returned in time and rated by both in one test; a customer owner's answer and decline, lapsed holds on
 * both sides, an unpaid booking, a missed handover, a cancellation, an installation, the reminder and a late return
 * with damage settled, disputed and decided, and unanswered settlements and ratings in the rest.
 */
@ProcessTest
class RentalBookingProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RentalListingService listings;

    @Autowired
    RentalBookingService bookings;

    @Autowired
    RentalPartyService parties;

    @Autowired
    JdbcTemplate jdbc;

    CustomerSession renter;
    Caller staff = Caller.staff("trental");
    ItemView generator;
    double lat = 43.88 + Math.random() / 10;
    double lng = 125.32 + Math.random() / 10;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        renter = RentalFixture.customer();
        generator = listings.addUtilityItem("trental", RentalFixture.generator(lat, lng));
    }

    private ProcessInstance instance(BookingView booking) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.RENTAL_BOOKING)
                .processInstanceBusinessKey(booking.id())
                .singleResult();
    }

    private BookingView book(String item, int inDays, int days, boolean installation) {
        LocalDate from = RentalFixture.today().plusDays(inDays);
        return bookings.book(renter, RentalFixture.booking(item, from, from.plusDays(days - 1), installation));
    }

    private int heldDays(BookingView booking) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM gm_rental_day WHERE booking_id = ?",
                Integer.class,
                Long.parseLong(booking.id().substring(2)));
    }

    private BookingView view(BookingView b, Caller caller) {
        return bookings.view(caller, b.id());
    }

    private Caller renter() {
        return Caller.customer(renter);
    }

    /** Confirmed in Tasklist, paid and handed over: the item is out. */
    private ProcessInstance out(BookingView booking) {
        ProcessInstance instance = instance(booking);
        assertThat(instance).isWaitingAt("Task_ConfirmRentalBooking");
        assertThat(task(instance)).hasCandidateGroup("rental");
        complete(task(instance), withVariables("rentalDecision", "CONFIRM"));
        assertThat(instance).isWaitingAt("Gateway_PaymentOrDeadline");
        parties.payment(staff, booking.id(), "WECHAT");
        parties.handover(staff, booking.id(), new Checklist("GOOD", 1520.5, "油箱满 full tank", null));
        assertThat(view(booking, renter()).actions()).contains("SIGN_HANDOVER", "CANCEL");
        parties.signHandover(renter(), booking.id());
        return instance;
    }

    @Test
    void aGeneratorIsBookedConfirmedPaidHandedOverReturnedAndRatedByBoth() {
        BookingView booking = book(generator.id(), 3, 3, false);
        assertThat(booking.status()).isEqualTo("HELD");
        assertThat(booking.priceTotal()).isEqualByComparingTo("2400");
        assertThat(heldDays(booking)).isEqualTo(3);
        ProcessInstance instance = out(booking);
        assertThat(instance)
                .hasPassed("Gateway_InstallationAsked")
                .hasNotPassed("Task_StartInstallationJob")
                .isWaitingAt("Gateway_ReturnOrReminder");
        parties.returned(staff, booking.id(), new Checklist("GOOD", 1544.0, null, null));
        assertThat(instance).hasPassed("Task_SettleDeposit", "Task_CloseBooking");
        BookingView closed = view(booking, renter());
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.settlement().deduction()).isEqualByComparingTo("0");
        assertThat(closed.settlement().refund()).isEqualByComparingTo("5000");
        assertThat(closed.actions()).containsExactly("RATE");
        parties.rate(renter(), booking.id(), 5, "很好用 worked well");
        parties.rate(staff, booking.id(), 4, null);
        assertThat(instance).hasPassed("Task_AggregateRentalRatings").isEnded();
        BookingView rated = view(booking, renter());
        assertThat(rated.stages()).allMatch(BookingView.Stage::done);
        assertThat(rated.timeline())
                .extracting(BookingView.Line::kind)
                .contains("RENTAL_BOOKED", "RENTAL_CONFIRMED", "RENTAL_PAID", "RENTAL_HANDED_OVER", "RENTAL_CLOSED");
        assertThat(rated.item().stars()).isEqualTo(5.0);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE phone = ? AND event_type = 'RENTAL_CONFIRMED'",
                        Integer.class,
                        renter.phone().substring(3)))
                .isEqualTo(1);
    }

    @Test
    void aCustomerOwnerConfirmsOnThePageAndAnotherBookingIsDeclinedWithItsDaysFreed() {
        CustomerSession owner = RentalFixture.customer();
        ItemView item = listings.list(owner, RentalFixture.generator(lat, lng));
        jdbc.update(
                "UPDATE gm_rental_item SET status = 'AVAILABLE' WHERE id = ?",
                Long.parseLong(item.id().substring(3)));
        BookingView first = book(item.id(), 2, 2, false);
        ProcessInstance instance = instance(first);
        assertThat(instance).isWaitingAt("Gateway_OwnerAnswer");
        assertThat(view(first, Caller.customer(owner)).renter().phone()).contains("****");
        assertThatThrownBy(() -> parties.answer(Caller.customer(RentalFixture.customer()), first.id(), true, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        parties.answer(Caller.customer(owner), first.id(), true, null);
        assertThat(instance).hasPassed("Task_TellBookingConfirmed").isWaitingAt("Gateway_PaymentOrDeadline");
        assertThat(view(first, Caller.customer(owner)).renter().phone()).isEqualTo(renter.phone());

        BookingView second = book(item.id(), 5, 2, false);
        assertThatThrownBy(() -> parties.answer(Caller.customer(owner), second.id(), false, null))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.field()).isEqualTo("reason"));
        parties.answer(Caller.customer(owner), second.id(), false, "MAINTENANCE");
        assertThat(instance(second)).isNull();
        assertThat(view(second, renter()).status()).isEqualTo("DECLINED");
        assertThat(heldDays(second)).isZero();
        assertThat(book(item.id(), 5, 2, false).status()).isEqualTo("HELD");
    }

    @Test
    void holdsLapseWhenNobodyAnswersInTimeOnEitherSide() {
        BookingView utility = book(generator.id(), 3, 1, false);
        execute(job("Event_ConfirmWindowPassed", instance(utility)));
        assertThat(view(utility, renter()).status()).isEqualTo("LAPSED");
        assertThat(heldDays(utility)).isZero();

        CustomerSession owner = RentalFixture.customer();
        ItemView item = listings.list(owner, RentalFixture.generator(lat, lng));
        jdbc.update(
                "UPDATE gm_rental_item SET status = 'AVAILABLE' WHERE id = ?",
                Long.parseLong(item.id().substring(3)));
        BookingView customers = book(item.id(), 3, 1, false);
        ProcessInstance instance = instance(customers);
        execute(job("Event_OwnerAnswerLapsed", instance));
        assertThat(instance).hasPassed("Task_ReleaseHold").isEnded();
        assertThat(heldDays(customers)).isZero();
        assertThatThrownBy(() -> parties.answer(Caller.customer(owner), customers.id(), true, null))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_NOW"));
    }

    @Test
    void anUnpaidBookingIsCancelledAndAMissedHandoverFreesTheLaterDays() {
        BookingView unpaid = book(generator.id(), 2, 2, false);
        complete(task(instance(unpaid)), withVariables("rentalDecision", "CONFIRM"));
        execute(job("Event_PaymentDeadlinePassed", instance(unpaid)));
        assertThat(view(unpaid, renter()).status()).isEqualTo("UNPAID");
        assertThat(heldDays(unpaid)).isZero();

        BookingView noShow = book(generator.id(), 6, 3, false);
        complete(task(instance(noShow)), withVariables("rentalDecision", "CONFIRM"));
        parties.payment(staff, noShow.id(), "CASH");
        execute(job("Event_HandoverMissed", instance(noShow)));
        assertThat(view(noShow, renter()).status()).isEqualTo("NO_SHOW");
        assertThat(heldDays(noShow)).isEqualTo(1);
    }

    @Test
    void theRenterCancelsBeforeTheHandoverButNotAfter() {
        BookingView booking = book(generator.id(), 4, 2, false);
        complete(task(instance(booking)), withVariables("rentalDecision", "CONFIRM"));
        parties.payment(staff, booking.id(), "ALIPAY");
        ProcessInstance instance = instance(booking);
        parties.cancel(renter(), booking.id());
        assertThat(instance).hasPassed("Task_CancelBooking").isEnded();
        assertThat(view(booking, renter()).status()).isEqualTo("CANCELLED");
        assertThat(heldDays(booking)).isZero();

        BookingView kept = book(generator.id(), 4, 2, false);
        out(kept);
        assertThatThrownBy(() -> parties.cancel(renter(), kept.id()))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_NOW"));
    }

    @Test
    void aDeclineInTasklistNeedsItsReason() {
        BookingView booking = book(generator.id(), 3, 1, false);
        ProcessInstance instance = instance(booking);
        assertThatThrownBy(() -> complete(task(instance), withVariables("rentalDecision", "DECLINE")))
                .hasMessageContaining("reason");
        complete(task(instance), withVariables("rentalDecision", "DECLINE", "rentalDeclineReason", "NOT_AVAILABLE"));
        assertThat(instance).hasPassed("Task_TellBookingDeclined").isEnded();
    }

    @Test
    void anInstallationStartsAnElectricianJobForTheRenter() {
        BookingView booking = book(generator.id(), 2, 2, true);
        ProcessInstance instance = out(booking);
        assertThat(instance).hasPassed("Task_StartInstallationJob");
        BookingView view = view(booking, renter());
        assertThat(view.installationJob()).startsWith("E-");
        assertThat(jdbc.queryForObject(
                        "SELECT skill FROM gm_service_job WHERE id = ?",
                        String.class,
                        Long.parseLong(view.installationJob().substring(2))))
                .isEqualTo("DISTRIBUTION_ROOM");
    }

    @Test
    void aLateDamagedReturnIsSettledAgainstTheDepositDisputedAndDecided() {
        BookingView booking = book(generator.id(), 1, 2, false);
        ProcessInstance instance = out(booking);
        execute(job("Event_ReturnReminderDue", instance));
        assertThat(instance).hasPassed("Task_RemindReturn").isWaitingAt("Gateway_ReturnOrLate");
        execute(job("Event_ReturnOverdue", instance));
        assertThat(instance).hasPassed("Task_TellReturnLate").isWaitingAt("Event_ReturnedLate");
        // the return comes three days after the last day
        jdbc.update(
                "UPDATE gm_rental_booking SET to_day = ? WHERE id = ?",
                RentalFixture.today().minusDays(3),
                Long.parseLong(booking.id().substring(2)));
        assertThatThrownBy(() -> parties.returned(staff, booking.id(), new Checklist("DAMAGED", 1600, null, 300)))
                .isInstanceOfSatisfying(
                        Refusal.class, r -> assertThat(r.field()).isEqualTo("notes"));
        parties.returned(staff, booking.id(), new Checklist("DAMAGED", 1600, "外壳凹陷 dented cover", 300));
        BookingView settling = view(booking, renter());
        assertThat(settling.status()).isEqualTo("SETTLING");
        int late = settling.settlement().lateDays();
        assertThat(late).isBetween(3, 4);
        BigDecimal charge = BigDecimal.valueOf(800L * late + 300);
        assertThat(settling.settlement().deduction()).isEqualByComparingTo(charge);
        assertThat(settling.settlement().refund())
                .isEqualByComparingTo(BigDecimal.valueOf(5000).subtract(charge));
        assertThat(settling.actions()).contains("ANSWER_SETTLEMENT");

        parties.settlement(renter(), booking.id(), false, "凹陷是交付前就有的 the dent was there before");
        assertThat(instance).isWaitingAt("Task_ResolveRentalDispute");
        assertThatThrownBy(
                        () -> complete(task(instance), withVariables("rentalCharge", 999999, "rentalDisputeNote", "x")))
                .hasMessageContaining("the charge must be 0 to");
        complete(task(instance), withVariables("rentalCharge", 800 * late, "rentalDisputeNote", "交付照片显示已有凹陷"));
        BookingView decided = view(booking, renter());
        assertThat(decided.status()).isEqualTo("CLOSED");
        assertThat(decided.settlement().deduction()).isEqualByComparingTo(BigDecimal.valueOf(800L * late));
        execute(job("Event_RenterRatingLapsed", instance));
        execute(job("Event_OwnerRatingLapsed", instance));
        assertThat(instance).isEnded();
    }

    @Test
    void aDeductionStandsWhenAcceptedOrUnanswered() {
        BookingView accepted = book(generator.id(), 2, 1, false);
        ProcessInstance first = out(accepted);
        execute(job("Event_ReturnReminderDue", first));
        parties.returned(staff, accepted.id(), new Checklist("DAMAGED", 1530, "缺少油箱盖 fuel cap missing", 120));
        parties.settlement(renter(), accepted.id(), true, null);
        assertThat(first).hasPassed("Event_ReturnedAfterReminder", "Event_SettlementAccepted", "Task_CloseBooking");

        BookingView silent = book(generator.id(), 5, 1, false);
        ProcessInstance second = out(silent);
        parties.returned(staff, silent.id(), new Checklist("DAMAGED", 1530, "划痕 scratches", 50));
        execute(job("Event_SettlementUnanswered", second));
        assertThat(second).hasPassed("Task_CloseBooking");
        assertThat(view(silent, renter()).settlement().refund()).isEqualByComparingTo("4950");
    }

    @Test
    void aDayAnotherBookingHoldsIsRefusedWithTheDays() {
        book(generator.id(), 10, 3, false);
        LocalDate from = RentalFixture.today().plusDays(11);
        CustomerSession other = RentalFixture.customer();
        assertThatThrownBy(() ->
                        bookings.book(other, RentalFixture.booking(generator.id(), from, from.plusDays(4), false)))
                .isInstanceOfSatisfying(Refusal.class, r -> {
                    assertThat(r.code()).isEqualTo("DAYS_TAKEN");
                    assertThat(r.conflictingDays())
                            .containsExactly(from.toString(), from.plusDays(1).toString());
                });
        assertThat(bookings.book(
                                other, RentalFixture.booking(generator.id(), from.plusDays(2), from.plusDays(4), false))
                        .status())
                .isEqualTo("HELD");
    }
}
