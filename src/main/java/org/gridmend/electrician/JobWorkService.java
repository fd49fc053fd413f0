package org.gridmend.electrician;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.gridmend.audit.AuditEntry;
import org.gridmend.audit.AuditTrail;
import org.gridmend.core.PhotoCleaner;
import org.gridmend.core.Pii;
import org.gridmend.core.PublicIds;
import org.gridmend.core.Refusal;
import org.gridmend.notify.DirectMessageService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The electrician's side of their jobs (the forms are in Tasklist): the jobs offered to or taken by the signed-in
 * electrician, the customer's address and phone once accepted (never another electrician's jobs), messages with the
 * customer, and the photos of the finished work.
 */
@Service
public class JobWorkService {

    /** A job as its electrician sees it. */
    public record Work(
            String id,
            String status,
            String skill,
            String address,
            String description,
            String customerPhone,
            BigDecimal visitFee,
            BigDecimal quoteTotal,
            BigDecimal amountCharged,
            Integer rating,
            Instant createdAt) {}

    private final JobMapper jobs;
    private final ElectricianMapper electricians;
    private final DirectMessageService messages;
    private final ElectricianProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    JobWorkService(
            JobMapper jobs,
            ElectricianMapper electricians,
            DirectMessageService messages,
            ElectricianProperties properties,
            AuditTrail audit,
            Clock clock) {
        this.jobs = jobs;
        this.electricians = electricians;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    private ElectricianMapper.ElectricianRow me(String userId) {
        ElectricianMapper.ElectricianRow e = electricians.findByUser(userId);
        if (e == null) {
            throw Refusal.notFound("electrician of user", userId);
        }
        return e;
    }

    @Transactional(readOnly = true)
    public List<Work> mine(String userId) {
        return jobs.byElectrician(me(userId).id()).stream()
                .map(JobWorkService::work)
                .toList();
    }

    @Transactional(readOnly = true)
    public Work one(String userId, String jobId) {
        return work(mine(userId, jobId));
    }

    private JobMapper.JobRow mine(String userId, String publicId) {
        long id = PublicIds.parseJob(publicId);
        JobMapper.JobRow job = id < 0 ? null : jobs.find(id);
        if (job == null
                || job.electricianId() == null
                || job.electricianId() != me(userId).id()) {
            throw Refusal.notFound("job", PublicIds.shorten(publicId));
        }
        return job;
    }

    static boolean accepted(JobMapper.JobRow job) {
        return !List.of("OFFERING", "OFFERED", "SEARCHING").contains(job.status());
    }

    private static Work work(JobMapper.JobRow job) {
        boolean accepted = accepted(job);
        boolean open = accepted && !"CLOSED".equals(job.status());
        return new Work(
                PublicIds.job(job.id()),
                job.status(),
                job.skill(),
                accepted ? job.address() : Pii.maskAddress(job.address()),
                Pii.maskText(job.description()),
                open ? JobSummary.national(job.customerPhone()) : null,
                job.visitFee(),
                job.partsFee() == null ? null : job.partsFee().add(job.labourFee()),
                job.amountCharged(),
                job.rating(),
                job.createdAt());
    }

    @Transactional(readOnly = true)
    public List<JobMessage> messages(String userId, String jobId) {
        return jobs.messages(mine(userId, jobId).id()).stream()
                .map(JobMessage::of)
                .toList();
    }

    @Transactional
    public JobMessage send(String userId, String jobId, String text) {
        JobMapper.JobRow job = mine(userId, jobId);
        String t = ElectricianChecks.text(text, "text", 500, true);
        if (!accepted(job) || "CLOSED".equals(job.status())) {
            throw Refusal.conflict("NOT_NOW", "text", "messages are for jobs you accepted and that are open");
        }
        Instant now = clock.instant();
        jobs.insertMessage(job.id(), now, "ELECTRICIAN", t);
        messages.tellPerson(
                "J:" + PublicIds.job(job.id()),
                job.customerPhone(),
                "JOB_MESSAGE",
                PublicIds.job(job.id()) + "|" + now.toEpochMilli(),
                "job.electrician_message",
                PublicIds.job(job.id()),
                t);
        audit.record(AuditEntry.of("JOB_MESSAGE")
                .user(userId)
                .subject(PublicIds.job(job.id()))
                .detail("from", "ELECTRICIAN"));
        List<JobMapper.Message> all = jobs.messages(job.id());
        return JobMessage.of(all.get(all.size() - 1));
    }

    /** A photo of the work, cleaned like the crews'; while the job is at the customer's. */
    @Transactional
    public long addPhoto(String userId, String jobId, byte[] data) {
        JobMapper.JobRow job = jobs.lock(mine(userId, jobId).id());
        if (!List.of("ARRIVED", "QUOTED", "REPAIRING", "COMPLETED").contains(job.status())) {
            throw Refusal.conflict("NOT_NOW", "file", "photos are taken at the customer's, from arrival to completion");
        }
        if (jobs.photos(job.id()).size() >= properties.maxPhotos()) {
            throw Refusal.conflict("TOO_MANY_PHOTOS", "file", "at most " + properties.maxPhotos() + " photos per job");
        }
        PhotoCleaner.Photo photo = PhotoCleaner.accept(data, properties.photoMaxBytes());
        jobs.insertPhoto(job.id(), photo.type(), photo.data().length, photo.data(), clock.instant());
        List<JobMapper.Photo> all = jobs.photos(job.id());
        audit.record(AuditEntry.of("JOB_PHOTO_ADDED")
                .user(userId)
                .subject(PublicIds.job(job.id()))
                .detail("bytes", photo.data().length)
                .detail("uploadedBytes", photo.uploadedBytes()));
        return all.get(all.size() - 1).id();
    }

    @Transactional(readOnly = true)
    public JobPhoto photo(String userId, String jobId, long photoId) {
        JobMapper.PhotoData p = jobs.photo(mine(userId, jobId).id(), photoId);
        if (p == null) {
            throw Refusal.notFound("photo", String.valueOf(photoId));
        }
        return new JobPhoto(p.contentType(), p.data());
    }
}
