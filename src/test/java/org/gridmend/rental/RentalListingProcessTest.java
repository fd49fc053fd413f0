package org.gridmend.rental;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.customer.CustomerSession;
import org.gridmend.support.ProcessTest;
import org.gridmend.support.TestPhotos;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/rental-listing.bpmn: a customer's generator with a photo approved into the catalogue in one
 * test; an approval without photos held back, a refusal told to the owner, and a withdrawal during the review.
 */
@ProcessTest
class RentalListingProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    RentalListingService listings;

    @Autowired
    RentalCatalogueService catalogue;

    @Autowired
    JdbcTemplate jdbc;

    CustomerSession owner;
    double lat = 43.7 + Math.random() / 10;
    double lng = 125.1 + Math.random() / 10;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        owner = RentalFixture.customer();
    }

    private ProcessInstance instance(ItemView item) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.RENTAL_LISTING)
                .processInstanceBusinessKey(item.id())
                .singleResult();
    }

    private String search() {
        String day = RentalFixture.today().plusDays(3).toString();
        return catalogue.search("GENERATOR", lat, lng, day, day, 5.0).toString();
    }

    @Test
    void aListedGeneratorWithAPhotoIsApprovedIntoTheCatalogue() {
        ItemView item = listings.list(owner, RentalFixture.generator(lat, lng));
        assertThat(item.status()).isEqualTo("PENDING_REVIEW");
        assertThat(search()).doesNotContain(item.id());
        ProcessInstance instance = instance(item);
        assertThat(instance).isWaitingAt("Task_ReviewRentalListing");
        assertThat(task(instance)).hasCandidateGroup("rental");
        listings.addPhoto(Caller.customer(owner), item.id(), TestPhotos.jpeg(640, 480));
        complete(task(instance), withVariables("listingDecision", "APPROVE"));
        assertThat(instance).hasPassed("Task_PublishListing").isEnded();
        assertThat(search()).contains(item.id());
        assertThat(catalogue.search("GENERATOR", lat, lng, null, null, 5.0)).anySatisfy(i -> {
            assertThat(i.id()).isEqualTo(item.id());
            assertThat(i.price()).isNull();
        });
        assertThat(listings.mine(owner)).extracting(ItemView::status).containsExactly("AVAILABLE");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM gm_notification WHERE phone = ? AND event_type = 'RENTAL_ITEM_PUBLISHED'",
                        Integer.class,
                        owner.phone().substring(3)))
                .isEqualTo(1);
    }

    @Test
    void anItemWithoutPhotosIsNotApprovedAndARefusalIsTold() {
        ItemView item = listings.list(owner, RentalFixture.generator(lat, lng));
        ProcessInstance instance = instance(item);
        assertThatThrownBy(() -> complete(task(instance), withVariables("listingDecision", "APPROVE")))
                .hasMessageContaining("without photos");
        assertThatThrownBy(() -> complete(task(instance), withVariables("listingDecision", "REFUSE")))
                .hasMessageContaining("reason");
        complete(task(instance), withVariables("listingDecision", "REFUSE", "listingRefusalReason", "NO_PHOTOS"));
        assertThat(instance).hasPassed("Task_TellListingRefusal").isEnded();
        ItemView refused = listings.mine(owner).get(0);
        assertThat(refused.status()).isEqualTo("REFUSED");
        assertThat(refused.refusalReason()).isEqualTo("NO_PHOTOS");
        assertThat(search()).doesNotContain(item.id());
    }

    @Test
    void theOwnerWithdrawsDuringTheReviewButNobodyElseCan() {
        ItemView item = listings.list(owner, RentalFixture.generator(lat, lng));
        ProcessInstance instance = instance(item);
        assertThatThrownBy(
                        () -> listings.availability(Caller.customer(RentalFixture.customer()), item.id(), "WITHDRAW"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.NOT_FOUND));
        assertThatThrownBy(() -> listings.availability(Caller.customer(owner), item.id(), "PAUSE"))
                .isInstanceOfSatisfying(Refusal.class, r -> assertThat(r.code()).isEqualTo("NOT_NOW"));
        listings.availability(Caller.customer(owner), item.id(), "WITHDRAW");
        assertThat(instance).hasPassed("Event_ListingWithdrawn").isEnded();
        assertThat(listings.mine(owner).get(0).status()).isEqualTo("WITHDRAWN");
    }
}
