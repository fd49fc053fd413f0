package org.gridmend.notify;

import java.time.Clock;
import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.gridmend.core.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the outbox for dispatchers and auditors, and putting a failed message back in line. */
@Service
public class NotificationAdminService {

    private static final Logger log = LoggerFactory.getLogger(NotificationAdminService.class);

    private final NotificationMapper mapper;
    private final RuntimeService runtime;
    private final Clock clock;

    NotificationAdminService(NotificationMapper mapper, RuntimeService runtime, Clock clock) {
        this.mapper = mapper;
        this.runtime = runtime;
        this.clock = clock;
    }

    public List<NotificationRecord> list(String status, Long incidentId, int limit) {
        return mapper.list(status, incidentId, limit).stream()
                .map(NotificationRecord::masked)
                .toList();
    }

    public List<StatusCount> counts() {
        return mapper.counts();
    }

    @Transactional
    public NotificationRecord retry(long id) {
        NotificationRecord record = mapper.find(id);
        if (record == null) {
            throw Refusal.notFound("notification", String.valueOf(id));
        }
        if (!"FAILED".equals(record.status())) {
            throw Refusal.conflict(
                    "NOT_FAILED",
                    "id",
                    "notification " + id + " is " + record.status() + ": only a FAILED one is sent again");
        }
        mapper.retry(id, clock.instant());
        runtime.createIncidentQuery()
                .incidentType(NotificationDispatcher.INCIDENT_TYPE)
                .configuration(record.messageId())
                .list()
                .forEach(incident -> runtime.resolveIncident(incident.getId()));
        log.info("failed notification put back in line id={} messageId={}", id, record.messageId());
        return mapper.find(id).masked();
    }
}
