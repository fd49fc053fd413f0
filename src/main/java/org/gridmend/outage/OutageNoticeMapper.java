package org.gridmend.outage;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface OutageNoticeMapper {

    void insert(NewNotice notice);

    OutageNoticeRecord findById(@Param("id") long id);

    /** Active notices on a feeder that have not ended by {@code now}. */
    List<OutageNoticeRecord> activeOnFeeder(@Param("feederId") String feederId, @Param("now") Instant now);

    List<OutageNoticeRecord> current(@Param("now") Instant now);

    void linkIncident(@Param("id") long id, @Param("incidentId") long incidentId);

    /** Ends an active notice; 0 when it had ended already. */
    int end(@Param("id") long id, @Param("at") Instant at, @Param("reason") String reason);

    final class NewNotice {
        public Long id;
        public NoticeType type;
        public String deviceId;
        public String feederId;
        public Instant startsAt;
        public Instant expectedEndAt;
        public String reason;
        public String createdBy;
        public Instant createdAt;
    }
}
