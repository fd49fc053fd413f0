package org.gridmend.custody;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PlainText;
import org.gridmend.core.ProcessConstants;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.core.UtilityZone;
import org.gridmend.customer.CustomerSession;
import org.gridmend.grid.CustomerKind;
import org.gridmend.grid.GridLookupService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The custody customer's side: the application of a business customer number the signed-in phone holds, the
 * contract with its equipment and inspections, accepting the offer or a renewal, and the month's summary.
 */
@Service
public class CustodyService {

    static final int MAX_EQUIPMENT = 30;

    /** A month of a contract: what was inspected, what was found, what followed. */
    public record Summary(
            String id,
            String customerNo,
            YearMonth month,
            String zone,
            List<ContractView.Inspection> inspections,
            long defects) {}

    private final CustodyMapper contracts;
    private final CustodyViews views;
    private final GridLookupService archive;
    private final RuntimeService runtime;
    private final AuditTrail audit;
    private final UtilityZone zone;
    private final Clock clock;

    CustodyService(
            CustodyMapper contracts,
            CustodyViews views,
            GridLookupService archive,
            RuntimeService runtime,
            AuditTrail audit,
            UtilityZone zone,
            Clock clock) {
        this.contracts = contracts;
        this.views = views;
        this.archive = archive;
        this.runtime = runtime;
        this.audit = audit;
        this.zone = zone;
        this.clock = clock;
    }

    private static CustomerSession signedIn(CustomerSession session) {
        if (session == null) {
            throw new Refusal(
                    Refusal.Kind.UNAUTHENTICATED,
                    "UNAUTHORIZED",
                    "sign in with POST /api/customer/session first",
                    null);
        }
        return session;
    }

    @Transactional
    public ContractView apply(CustomerSession session, CustodyApplication application) {
        signedIn(session);
        if (application == null) {
            throw Refusal.invalid("MISSING_FIELD", "body", "the application is required");
        }
        if (application.requestId() == null || !application.requestId().matches("[A-Za-z0-9_-]{8,64}")) {
            throw Refusal.invalid("INVALID_FIELD", "requestId", "requestId must be 8 to 64 letters, digits, dashes");
        }
        String customerNo = application.customerNo();
        if (customerNo == null || !session.holds(customerNo)) {
            throw Refusal.invalid(
                    "NOT_YOUR_CUSTOMER_NO",
                    "customerNo",
                    "customerNo must be one of the signed-in phone's customer numbers " + session.customerNos());
        }
        if (archive.kind(customerNo).orElse(CustomerKind.RESIDENTIAL) != CustomerKind.BUSINESS) {
            throw Refusal.invalid(
                    "NOT_A_BUSINESS",
                    "customerNo",
                    "custody is for business customers with a distribution room; " + customerNo + " is a household");
        }
        CustodyApplication.ServiceLevel level;
        try {
            level = CustodyApplication.ServiceLevel.valueOf(String.valueOf(application.serviceLevel()));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("INVALID_FIELD", "serviceLevel", "serviceLevel must be BASIC, STANDARD or PREMIUM");
        }
        List<CustodyApplication.Item> items = application.equipment();
        if (items == null || items.isEmpty() || items.size() > MAX_EQUIPMENT) {
            throw Refusal.invalid("INVALID_FIELD", "equipment", "equipment must list 1 to " + MAX_EQUIPMENT + " items");
        }
        for (int i = 0; i < items.size(); i++) {
            check(items.get(i), "equipment[" + i + "]");
        }
        CustodyMapper.ContractRow earlier = contracts.byRequest(session.phone(), application.requestId());
        if (earlier != null) {
            return views.of(earlier);
        }
        if (contracts.open(customerNo) > 0) {
            throw Refusal.conflict(
                    "CUSTODY_EXISTS", "customerNo", customerNo + " has a custody application or contract");
        }
        CustodyMapper.NewContract row = new CustodyMapper.NewContract();
        row.requestId = application.requestId();
        row.customerNo = customerNo;
        row.phone = session.phone();
        row.serviceLevel = level.name();
        row.now = clock.instant();
        try {
            contracts.insert(row);
        } catch (DuplicateKeyException again) {
            return views.of(contracts.byRequest(session.phone(), application.requestId()));
        }
        for (int i = 0; i < items.size(); i++) {
            CustodyApplication.Item item = items.get(i);
            contracts.insertEquipment(
                    row.id,
                    i + 1,
                    item.type(),
                    item.rating().strip(),
                    item.manufacturer().strip(),
                    item.year(),
                    item.location().strip());
        }
        String id = PublicIds.custody(row.id);
        audit.record(AuditEntry.of("CUSTODY_APPLIED")
                .customer(customerNo)
                .subject(id)
                .detail("serviceLevel", level)
                .detail("equipment", items.size()));
        runtime.startProcessInstanceByKey(ProcessConstants.CUSTODY_CONTRACT, id);
        return views.of(contracts.find(row.id));
    }

    private void check(CustodyApplication.Item item, String field) {
        if (item == null) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        try {
            Equipment.Type.valueOf(String.valueOf(item.type()));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    field + ".type",
                    field + ".type must be TRANSFORMER, SWITCHGEAR, CABLE or GENERATOR");
        }
        text(item.rating(), field + ".rating", 40);
        text(item.manufacturer(), field + ".manufacturer", 60);
        text(item.location(), field + ".location", 100);
        int thisYear = LocalDate.now(clock.withZone(zone.zone())).getYear();
        if (item.year() == null || item.year() < 1950 || item.year() > thisYear) {
            throw Refusal.invalid("INVALID_FIELD", field + ".year", field + ".year must be 1950 to " + thisYear);
        }
    }

    private static void text(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw Refusal.invalid("MISSING_FIELD", field, field + " is required");
        }
        if (PlainText.problem(text) != null) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " " + PlainText.problem(text));
        }
        if (PlainText.length(text) > max) {
            throw Refusal.invalid("INVALID_FIELD", field, field + " must not exceed " + max + " characters");
        }
    }

    @Transactional(readOnly = true)
    public List<ContractView> mine(CustomerSession session) {
        return contracts.byPhone(signedIn(session).phone()).stream()
                .map(views::of)
                .toList();
    }

    private CustodyMapper.ContractRow owned(CustomerSession session, String publicId) {
        signedIn(session);
        long id = PublicIds.parseCustody(publicId);
        CustodyMapper.ContractRow row = id < 0 ? null : contracts.find(id);
        if (row == null || !(row.phone().equals(session.phone()) || session.holds(row.customerNo()))) {
            throw Refusal.notFound("custody contract", PublicIds.shorten(publicId));
        }
        return row;
    }

    @Transactional(readOnly = true)
    public ContractView view(CustomerSession session, String id) {
        return views.of(owned(session, id));
    }

    @Transactional
    public ContractView answerOffer(CustomerSession session, String id, Boolean accept) {
        if (accept == null) {
            throw Refusal.invalid("MISSING_FIELD", "accept", "accept is required: true or false");
        }
        CustodyMapper.ContractRow row = contracts.lock(owned(session, id).id());
        correlate(
                row, accept ? ProcessConstants.MESSAGE_CONTRACT_ACCEPTED : ProcessConstants.MESSAGE_CONTRACT_DECLINED);
        audit.record(AuditEntry.of(accept ? "CUSTODY_ACCEPTED" : "CUSTODY_DECLINED")
                .customer(row.customerNo())
                .subject(PublicIds.custody(row.id())));
        return views.of(contracts.find(row.id()));
    }

    @Transactional
    public ContractView acceptRenewal(CustomerSession session, String id) {
        CustodyMapper.ContractRow row = contracts.lock(owned(session, id).id());
        correlate(row, ProcessConstants.MESSAGE_RENEWAL_ACCEPTED);
        audit.record(AuditEntry.of("CUSTODY_RENEWAL_ACCEPTED")
                .customer(row.customerNo())
                .subject(PublicIds.custody(row.id())));
        return views.of(contracts.find(row.id()));
    }

    private void correlate(CustodyMapper.ContractRow row, String message) {
        if (!views.waits(row.id(), message)) {
            throw Refusal.conflict("NOT_NOW", "accept", "the contract does not wait for this answer now");
        }
        runtime.createMessageCorrelation(message)
                .processInstanceBusinessKey(PublicIds.custody(row.id()))
                .correlate();
    }

    /** The month's inspections and defects, for the printable summary. */
    @Transactional(readOnly = true)
    public Summary summary(CustomerSession session, String id, String month) {
        CustodyMapper.ContractRow row = owned(session, id);
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(clock.withZone(zone.zone())) : YearMonth.parse(month);
        } catch (java.time.format.DateTimeParseException e) {
            throw Refusal.invalid("INVALID_FIELD", "month", "month must be like 2026-12");
        }
        return views.summary(row, m);
    }

    static Instant monthStart(YearMonth month, UtilityZone zone) {
        return ZonedDateTime.of(month.atDay(1).atStartOfDay(), zone.zone()).toInstant();
    }
}
