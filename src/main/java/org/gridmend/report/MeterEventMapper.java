package org.gridmend.report;

import java.time.Instant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
public interface MeterEventMapper {

    @Insert("INSERT INTO gm_meter_event (meter_no, customer_no, transformer_id, feeder_id, type, at, received_at) "
            + "VALUES (#{meterNo}, #{customerNo}, #{transformerId}, #{feederId}, #{type}, #{at}, #{receivedAt})")
    void insert(
            @Param("meterNo") String meterNo,
            @Param("customerNo") String customerNo,
            @Param("transformerId") String transformerId,
            @Param("feederId") String feederId,
            @Param("type") String type,
            @Param("at") Instant at,
            @Param("receivedAt") Instant receivedAt);
}
