package org.gridmend.report;

import org.gridmend.core.Refusal;
import org.gridmend.customer.PhoneNumbers;
import org.gridmend.grid.GridLookupService;
import org.springframework.stereotype.Component;

/** What intake checks of a report before it takes it: the phone's form, and the customer number in the archive. */
@Component
class IntakeChecks {

    private final GridLookupService archive;

    IntakeChecks(GridLookupService archive) {
        this.archive = archive;
    }

    /**
     * Whether the customer number a person typed is missing from the archive: refused when the report has no
     * location to go by (the customer can correct the number or send their location at once, instead of waiting
     * for a dispatcher); with a location, the report goes by the location and the answer says so. A meter's report
     * (AMI) names a customer the head-end found by its meter.
     */
    boolean unknownCustomer(ReportRequest request) {
        if (request.channel() == Channel.AMI || blank(request.customerNo())) {
            return false;
        }
        String customerNo = request.customerNo().trim();
        if (archive.customer(customerNo).isPresent()) {
            return false;
        }
        if (request.location() == null) {
            throw Refusal.invalid(
                    "UNKNOWN_CUSTOMER_NO",
                    "customerNo",
                    "没有找到户号 " + customerNo + "，请核对，或使用当前位置。 (Customer number " + customerNo
                            + " is not in the archive: check it, or send your location.)");
        }
        return true;
    }

    /** The phone in one form however it was typed ("138 0000 0000", "+86 13800000000"): a mainland mobile or 400. */
    ReportRequest withMobile(ReportRequest r) {
        if (blank(r.phone())) {
            return r;
        }
        String phone = PhoneNumbers.mobile(r.phone())
                .map(PhoneNumbers::national)
                .orElseThrow(() -> Refusal.invalid(
                        "INVALID_FIELD",
                        "phone",
                        "phone must be a mainland China mobile number " + "(11 digits starting with 1)"));
        return new ReportRequest(
                r.requestId(),
                r.channel(),
                r.customerNo(),
                phone,
                r.location(),
                r.address(),
                r.description(),
                r.onlyMyHome());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
