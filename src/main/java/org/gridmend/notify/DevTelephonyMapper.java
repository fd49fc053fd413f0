package org.gridmend.notify;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The development telephony gateway's bindings (demo profile only). */
@Mapper
public interface DevTelephonyMapper {

    int insert(
            @Param("bindingId") String bindingId,
            @Param("a") String a,
            @Param("b") String b,
            @Param("virtualNumber") String virtualNumber,
            @Param("expiresAt") Instant expiresAt,
            @Param("at") Instant at);

    DevBinding find(@Param("bindingId") String bindingId);

    int remove(@Param("bindingId") String bindingId, @Param("at") Instant at);

    List<DevBinding> recent(@Param("limit") int limit);

    record DevBinding(
            String bindingId,
            String a,
            String b,
            String virtualNumber,
            Instant expiresAt,
            Instant createdAt,
            Instant removedAt) {}
}
