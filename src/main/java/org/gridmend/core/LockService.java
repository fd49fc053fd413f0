package org.gridmend.core;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.stereotype.Service;

/**
 * Named database locks for work that must not run twice at once across nodes: a row of {@code gm_lock} held
 * {@code FOR UPDATE} until the caller's transaction ends.
 */
@Service
public class LockService {

    public static final String LOCATION_CLUSTERS = "location-clusters";
    public static final String FAULT_REPORT_STARTER = "fault-report-starter";
    public static final String AUDIT_CHAIN = "audit-chain";
    public static final String RETENTION = "retention";

    private final LockMapper mapper;

    LockService(LockMapper mapper) {
        this.mapper = mapper;
    }

    public void lock(String name) {
        if (mapper.lock(name) == null) {
            throw new IllegalStateException("no lock row named " + name);
        }
    }

    @Mapper
    interface LockMapper {

        /** Flushes MyBatis's session cache: what the caller reads after the lock comes from the database. */
        @Select("SELECT name FROM gm_lock WHERE name = #{name} FOR UPDATE")
        @Options(flushCache = Options.FlushCachePolicy.TRUE)
        String lock(@Param("name") String name);
    }
}
