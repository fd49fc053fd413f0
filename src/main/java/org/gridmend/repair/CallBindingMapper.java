package org.gridmend.repair;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The privacy-number bindings of repair orders. */
@Mapper
public interface CallBindingMapper {

    int insert(
            @Param("bindingId") String bindingId,
            @Param("incidentId") long incidentId,
            @Param("reportId") long reportId,
            @Param("virtualNumber") String virtualNumber,
            @Param("state") String state,
            @Param("error") String error,
            @Param("expiresAt") Instant expiresAt,
            @Param("at") Instant at);

    /** The order's bindings now in force, one per report at most (the newest). */
    List<Binding> active(@Param("incidentId") long incidentId, @Param("now") Instant now);

    int remove(@Param("bindingId") String bindingId, @Param("state") String state, @Param("at") Instant at);

    /** The order's reports a customer can be called on: not meter events, with a phone of their own or archived. */
    List<Callee> callees(@Param("incidentId") long incidentId);

    record Binding(String bindingId, long reportId, String virtualNumber, Instant expiresAt) {}

    record Callee(long reportId, String phone) {}
}
