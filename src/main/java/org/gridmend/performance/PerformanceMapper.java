package org.gridmend.performance;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Reads what crews' performance is made of: their orders, ratings, reviews, repeat faults, study and exams. */
@Mapper
public interface PerformanceMapper {

    /** Every crew, or only {@code crewId}. */
    List<CrewRow> crews(@Param("crewId") String crewId);

    /** The crew a user works as, or null. */
    String crewOfUser(@Param("userId") String userId);

    /** The orders crews accepted in [from, to), with what each order's figures need. */
    List<OrderRow> orders(
            @Param("from") Instant from,
            @Param("to") Instant to,
            @Param("repeatDays") int repeatDays,
            @Param("crewId") String crewId);

    List<CrewValue> learningSeconds(
            @Param("from") Instant from, @Param("to") Instant to, @Param("crewId") String crewId);

    List<CrewValue> examsPassed(@Param("from") Instant from, @Param("to") Instant to, @Param("crewId") String crewId);

    record CrewRow(String id, String employeeNo, String name) {}

    record OrderRow(
            long incidentId,
            String crewId,
            Instant firstReportAt,
            Instant arrivedAt,
            Instant arrivalDeadline,
            Integer ratingCount,
            Double ratingAverage,
            long sentBack,
            long repeats) {}

    record CrewValue(String crewId, long value) {}
}
