package org.gridmend.electrician;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.Refusal;
import org.gridmend.core.StaffGroups;
import org.gridmend.customer.CustomerSession;
import org.gridmend.security.StaffAccountService;
import org.gridmend.support.ProcessTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every path of processes/electrician-registration.bpmn: application, approval with its password link, the
 * certificate's warning and expiry, renewal and reinstatement in one test; refusal (and a refusal without its
 * reason) in another; the public look-up, which never shows a phone, in the last.
 */
@ProcessTest
class ElectricianRegistrationProcessTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    ElectricianRegistryService registry;

    @Autowired
    StaffAccountService accounts;

    @Autowired
    JdbcTemplate jdbc;

    double lat;
    double lng;
    CustomerSession phone;

    @BeforeEach
    void setUp() {
        BpmnAwareTests.init(engine);
        lat = 22 + ThreadLocalRandom.current().nextDouble(25);
        lng = 80 + ThreadLocalRandom.current().nextDouble(45);
        phone = new CustomerSession(
                "+86136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000)),
                List.of(),
                Instant.now().plusSeconds(3600));
    }

    private ElectricianApplication application(String expires, String... skills) {
        return new ElectricianApplication(
                "赵四海",
                "T" + phone.phone().substring(5),
                "LOW_VOLTAGE",
                expires,
                List.of(skills),
                new ElectricianApplication.Area(lat, lng, 8.0),
                new ElectricianApplication.Hours("00:00", "00:00"));
    }

    private ProcessInstance registration(String id) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processDefinitionKey(ProcessConstants.ELECTRICIAN_REGISTRATION)
                .processInstanceBusinessKey(id)
                .singleResult();
    }

    private List<String> texts() {
        return jdbc.queryForList(
                "SELECT text FROM gm_notification WHERE phone = ? ORDER BY id",
                String.class,
                phone.phone().substring(3));
    }

    private boolean inGroup(String userId) {
        return engine.getIdentityService()
                        .createUserQuery()
                        .userId(userId)
                        .memberOfGroup(StaffGroups.ELECTRICIANS)
                        .count()
                > 0;
    }

    @Test
    void approvedWithAPasswordLinkWarnedSuspendedAtExpiryAndReinstatedAfterRenewal() {
        ElectricianRegistryService.Applied applied = registry.apply(
                phone, application(LocalDate.now().plusDays(90).toString(), "HOUSE_WIRING", "EV_CHARGER"));
        ProcessInstance instance = registration(applied.id());
        assertThat(instance).isWaitingAt("Task_ReviewElectricianApplication");
        assertThat(task(instance)).hasCandidateGroup("dispatchers");
        assertThat(engine.getTaskService()
                        .getVariable(task(instance).getId(), "certificateSummary")
                        .toString())
                .contains("低压电工作业证")
                .contains("充电桩安装");

        complete(task(instance), withVariables("reviewDecision", "APPROVE"));
        assertThat(instance).hasPassed("Task_ApproveElectrician").isWaitingAt("Gateway_CertificateWatch");
        String userId = applied.id().toLowerCase();
        assertThat(inGroup(userId)).isTrue();
        // the SMS carries a one-time link, never a password
        String sms = texts().get(texts().size() - 1);
        Matcher link = Pattern.compile("/password#token=(gmp_[A-Za-z0-9_-]+)").matcher(sms);
        assertThat(link.find()).as(sms).isTrue();
        assertThat(sms).contains(userId);
        assertThatThrownBy(() -> accounts.setPassword(link.group(1), "short"))
                .isInstanceOf(Refusal.class)
                .extracting("field")
                .isEqualTo("password");
        assertThat(accounts.setPassword(link.group(1), "Strom-Kabel-2026!")).isEqualTo(userId);
        assertThat(engine.getIdentityService().checkPassword(userId, "Strom-Kabel-2026!"))
                .isTrue();
        assertThatThrownBy(() -> accounts.setPassword(link.group(1), "Another-Pass-2026!"))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("used or expired");

        // the warning is due 30 days before the certificate's end
        Job warning = job("Event_ExpiryWarningDue", instance);
        assertThat(warning.getDuedate().toInstant())
                .isEqualTo(LocalDate.now()
                        .plusDays(91)
                        .atStartOfDay(java.time.ZoneId.of("Asia/Shanghai"))
                        .toInstant()
                        .minus(java.time.Duration.ofDays(30)));
        execute(warning);
        assertThat(texts().get(texts().size() - 1)).contains("到期");
        execute(job("Event_CertificateExpired", instance));
        assertThat(instance).hasPassed("Task_SuspendElectrician").isWaitingAt("Event_RenewedAfterSuspension");
        assertThat(registry.mine(userId).status()).isEqualTo("SUSPENDED");
        assertThat(inGroup(userId)).as("suspended: no Tasklist, no jobs").isFalse();
        assertThat(registry.nearby(lat, lng, null)).noneMatch(n -> n.id().equals(applied.id()));

        // a renewal must run past the old certificate, and goes to review again
        assertThatThrownBy(() -> registry.renew(
                        userId, "T123456", LocalDate.now().plusDays(30).toString()))
                .isInstanceOf(Refusal.class)
                .extracting("field")
                .isEqualTo("certificateExpires");
        registry.renew(userId, "R7654321", LocalDate.now().plusYears(3).toString());
        assertThat(instance).isWaitingAt("Task_ReviewElectricianApplication");
        assertThat(engine.getTaskService()
                        .getVariable(task(instance).getId(), "certificateSummary")
                        .toString())
                .contains("R7654321")
                .contains("续期");
        complete(task(instance), withVariables("reviewDecision", "APPROVE"));
        assertThat(registry.mine(userId).status()).isEqualTo("APPROVED");
        assertThat(inGroup(userId)).isTrue();
        assertThat(instance).isWaitingAt("Gateway_CertificateWatch");
    }

    @Test
    void aRenewalBeforeOrAfterTheWarningGoesToReviewAndARefusedRenewalSuspends() {
        ElectricianRegistryService.Applied applied =
                registry.apply(phone, application(LocalDate.now().plusDays(200).toString(), "HOUSE_WIRING"));
        ProcessInstance instance = registration(applied.id());
        complete(task(instance), withVariables("reviewDecision", "APPROVE"));
        String userId = applied.id().toLowerCase();
        // before the warning
        registry.renew(userId, "R1111111", LocalDate.now().plusYears(2).toString());
        assertThat(instance).hasPassed("Event_CertificateRenewed").isWaitingAt("Task_ReviewElectricianApplication");
        assertThat(registry.mine(userId).status())
                .as("still at work while the renewal is reviewed")
                .isEqualTo("APPROVED");
        complete(task(instance), withVariables("reviewDecision", "APPROVE"));
        // after the warning
        execute(job("Event_ExpiryWarningDue", instance));
        assertThat(instance).isWaitingAt("Gateway_AfterWarning");
        registry.renew(userId, "R2222222", LocalDate.now().plusYears(4).toString());
        assertThat(instance).hasPassed("Event_RenewedAfterWarning").isWaitingAt("Task_ReviewElectricianApplication");
        // a refused renewal takes the electrician out of work and ends the registration
        complete(task(instance), withVariables("reviewDecision", "REFUSE", "refusalReason", "CERTIFICATE_INVALID"));
        assertThat(instance).hasPassed("Task_TellRefusal").isEnded();
        assertThat(inGroup(userId)).isFalse();
    }

    @Test
    void refusedWithTheReasonTheApplicantIsTold() {
        ElectricianRegistryService.Applied applied =
                registry.apply(phone, application(LocalDate.now().plusYears(2).toString(), "APPLIANCES"));
        ProcessInstance instance = registration(applied.id());
        assertThatThrownBy(() -> complete(task(instance), withVariables("reviewDecision", "REFUSE")))
                .isInstanceOf(FormFieldValidationException.class)
                .hasMessageContaining("reason");
        complete(task(instance), withVariables("reviewDecision", "REFUSE", "refusalReason", "CERTIFICATE_INVALID"));
        assertThat(instance)
                .hasPassed("Task_TellRefusal", "EndEvent_ApplicationRefused")
                .isEnded();
        assertThat(texts().get(texts().size() - 1)).contains("未通过").contains("证书无法核验");
        assertThat(engine.getIdentityService()
                        .createUserQuery()
                        .userId(applied.id().toLowerCase())
                        .count())
                .isZero();
        // a refused applicant may apply again; a pending one may not apply twice
        ElectricianRegistryService.Applied again =
                registry.apply(phone, application(LocalDate.now().plusYears(2).toString(), "APPLIANCES"));
        assertThat(again.id()).isEqualTo(applied.id());
        assertThatThrownBy(() -> registry.apply(
                        phone, application(LocalDate.now().plusYears(2).toString(), "APPLIANCES")))
                .isInstanceOf(Refusal.class)
                .hasMessageContaining("already");
    }

    @Test
    void anExpiredCertificateOrAnUnknownSkillIsRefusedByName() {
        assertThatThrownBy(() -> registry.apply(
                        phone, application(LocalDate.now().minusDays(1).toString(), "APPLIANCES")))
                .isInstanceOf(Refusal.class)
                .extracting("field")
                .isEqualTo("certificateExpires");
        assertThatThrownBy(() -> registry.apply(
                        phone, application(LocalDate.now().plusYears(1).toString(), "ROOFING")))
                .isInstanceOf(Refusal.class)
                .extracting("field")
                .isEqualTo("skills[0]");
    }

    @Test
    void theLookUpShowsApprovedElectriciansServingThePlaceWithoutPhones() {
        ElectricianRegistryService.Applied applied =
                registry.apply(phone, application(LocalDate.now().plusYears(2).toString(), "METER_BOX_BREAKER"));
        assertThat(registry.nearby(lat, lng, null)).as("not before approval").isEmpty();
        complete(task(registration(applied.id())), withVariables("reviewDecision", "APPROVE"));
        List<ElectricianRegistryService.Nearby> found = registry.nearby(lat + 0.02, lng, "METER_BOX_BREAKER");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).name()).isEqualTo("赵**");
        assertThat(found.get(0).distanceKm()).isBetween(2.0, 2.5);
        assertThat(found.get(0).toString()).doesNotContain(phone.phone().substring(3));
        assertThat(registry.nearby(lat + 0.02, lng, "EV_CHARGER")).isEmpty();
        assertThat(registry.nearby(lat + 0.2, lng, null))
                .as("outside the 8 km area")
                .isEmpty();
    }
}
