package org.gridmend.electrician;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;

/** What a job's tasks show of it: the customer's address and phone only once an electrician accepted. */
final class JobSummary {

    private JobSummary() {}

    static Map<String, Object> of(JobMapper.JobRow job) {
        boolean accepted = !List.of("OFFERING", "OFFERED", "SEARCHING").contains(job.status());
        ServiceSkill skill = ServiceSkill.valueOf(job.skill());
        String quote = job.partsFee() == null
                ? ""
                : " · 报价 quote " + job.partsFee().add(job.labourFee()).toPlainString() + " 元";
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put(
                "jobSummary",
                String.format(
                        Locale.ROOT,
                        "%s · %s · %s · %s%s%s",
                        PublicIds.job(job.id()),
                        skill.label(),
                        Pii.maskAddress(job.address()),
                        job.description() == null ? "" : Pii.maskText(job.description()),
                        accepted ? " · 客户地址和电话见电工页面 /electrician (address and phone on the electrician page)" : "",
                        quote
                                + (job.amountCharged() == null
                                        ? ""
                                        : " · 实收 charged " + job.amountCharged().toPlainString() + " 元")
                                + (job.disputeKind() == null
                                        ? ""
                                        : " · 争议 dispute: "
                                                + ("NOT_FIXED".equals(job.disputeKind())
                                                        ? "未修好 (not fixed)"
                                                        : "收费高于报价 (charged more than quoted)")
                                                + (job.disputeText() == null
                                                        ? ""
                                                        : " — " + Pii.maskText(job.disputeText())))));
        return shown;
    }

    static String national(String phone) {
        if (phone == null || phone.isBlank()) {
            return "—";
        }
        return org.gridmend.customer.PhoneNumbers.national(phone);
    }
}
