package org.gridmend.custody;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** gm_custody_contract, its equipment and its inspections. */
@Mapper
interface CustodyMapper {

    String COLUMNS =
            "id, request_id, customer_no, phone, service_level, status, electrician_id, second_electrician_id, "
                    + "monthly_fee, term_months, starts_at, ends_at, rounds_done, refusal_reason, created_at, updated_at";

    record ContractRow(
            long id,
            String requestId,
            String customerNo,
            String phone,
            String serviceLevel,
            String status,
            Long electricianId,
            Long secondElectricianId,
            BigDecimal monthlyFee,
            Integer termMonths,
            Instant startsAt,
            Instant endsAt,
            int roundsDone,
            String refusalReason,
            Instant createdAt,
            Instant updatedAt) {}

    record EquipmentRow(
            long id,
            long contractId,
            int seq,
            String type,
            String rating,
            String manufacturer,
            int madeYear,
            String location) {}

    record InspectionRow(
            long id,
            long contractId,
            long equipmentId,
            int roundNo,
            String kind,
            Instant dueAt,
            Instant doneAt,
            String doneBy,
            String readings,
            String result,
            String followUp,
            Instant escalatedAt) {}

    final class NewContract {
        public Long id;
        public String requestId;
        public String customerNo;
        public String phone;
        public String serviceLevel;
        public Instant now;
    }

    @Insert("INSERT INTO gm_custody_contract (request_id, customer_no, phone, service_level, status, created_at, "
            + "updated_at) VALUES (#{requestId}, #{customerNo}, #{phone}, #{serviceLevel}, 'APPLIED', #{now}, #{now})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    void insert(NewContract contract);

    @Insert(
            "INSERT INTO gm_custody_equipment (contract_id, seq, type, rating, manufacturer, made_year, location) VALUES "
                    + "(#{contractId}, #{seq}, #{type}, #{rating}, #{manufacturer}, #{year}, #{location})")
    void insertEquipment(
            @Param("contractId") long contractId,
            @Param("seq") int seq,
            @Param("type") String type,
            @Param("rating") String rating,
            @Param("manufacturer") String manufacturer,
            @Param("year") int year,
            @Param("location") String location);

    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE id = #{id}")
    ContractRow find(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE id = #{id} FOR UPDATE")
    ContractRow lock(@Param("id") long id);

    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE phone = #{phone} AND request_id = #{requestId}")
    ContractRow byRequest(@Param("phone") String phone, @Param("requestId") String requestId);

    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE phone = #{phone} ORDER BY id DESC LIMIT 20")
    List<ContractRow> byPhone(@Param("phone") String phone);

    /** The contracts an electrician keeps, in force or offered. */
    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE (electrician_id = #{e} OR second_electrician_id = "
            + "#{e}) AND status IN ('OFFERED', 'ACTIVE') ORDER BY id")
    List<ContractRow> keptBy(@Param("e") long electricianId);

    /** The customer's contract in force, if any. */
    @Select("SELECT " + COLUMNS + " FROM gm_custody_contract WHERE customer_no = #{customerNo} AND status = 'ACTIVE' "
            + "ORDER BY id DESC LIMIT 1")
    ContractRow active(@Param("customerNo") String customerNo);

    @Select("SELECT COUNT(*) FROM gm_custody_contract WHERE customer_no = #{customerNo} AND status IN ('APPLIED', "
            + "'OFFERED', 'ACTIVE')")
    long open(@Param("customerNo") String customerNo);

    @Select("SELECT id, contract_id, seq, type, rating, manufacturer, made_year, location FROM gm_custody_equipment "
            + "WHERE contract_id = #{contractId} ORDER BY seq")
    List<EquipmentRow> equipment(@Param("contractId") long contractId);

    @Update("UPDATE gm_custody_contract SET status = 'OFFERED', electrician_id = #{first}, second_electrician_id = "
            + "#{second}, monthly_fee = #{fee}, term_months = #{term}, updated_at = #{now} WHERE id = #{id}")
    int offer(
            @Param("id") long id,
            @Param("first") long first,
            @Param("second") Long second,
            @Param("fee") BigDecimal fee,
            @Param("term") int termMonths,
            @Param("now") Instant now);

    @Update("UPDATE gm_custody_contract SET status = #{status}, refusal_reason = #{reason}, updated_at = #{now} "
            + "WHERE id = #{id}")
    int setStatus(
            @Param("id") long id,
            @Param("status") String status,
            @Param("reason") String reason,
            @Param("now") Instant now);

    @Update("UPDATE gm_custody_contract SET status = 'ACTIVE', starts_at = #{starts}, ends_at = #{ends}, updated_at = "
            + "#{starts} WHERE id = #{id}")
    int activate(@Param("id") long id, @Param("starts") Instant starts, @Param("ends") Instant ends);

    @Update("UPDATE gm_custody_contract SET ends_at = #{ends}, updated_at = #{now} WHERE id = #{id}")
    int extend(@Param("id") long id, @Param("ends") Instant ends, @Param("now") Instant now);

    @Update("UPDATE gm_custody_contract SET rounds_done = #{round}, updated_at = #{now} WHERE id = #{id}")
    int roundDone(@Param("id") long id, @Param("round") int round, @Param("now") Instant now);

    @Insert("INSERT INTO gm_custody_inspection (contract_id, equipment_id, round_no, kind, due_at) VALUES "
            + "(#{contractId}, #{equipmentId}, #{round}, #{kind}, #{dueAt})")
    void insertInspection(
            @Param("contractId") long contractId,
            @Param("equipmentId") long equipmentId,
            @Param("round") int round,
            @Param("kind") String kind,
            @Param("dueAt") Instant dueAt);

    String INSPECTION_COLUMNS = "id, contract_id, equipment_id, round_no, kind, due_at, done_at, done_by, readings, "
            + "result, follow_up, escalated_at";

    /** The next inspection of the contract not done yet, oldest first. */
    @Select("SELECT " + INSPECTION_COLUMNS + " FROM gm_custody_inspection WHERE contract_id = #{contractId} AND "
            + "done_at IS NULL ORDER BY id LIMIT 1")
    InspectionRow pending(@Param("contractId") long contractId);

    @Select("SELECT " + INSPECTION_COLUMNS + " FROM gm_custody_inspection WHERE contract_id = #{contractId} ORDER BY "
            + "id DESC LIMIT #{limit}")
    List<InspectionRow> inspections(@Param("contractId") long contractId, @Param("limit") int limit);

    @Select("SELECT " + INSPECTION_COLUMNS + " FROM gm_custody_inspection WHERE contract_id = #{contractId} AND "
            + "done_at >= #{from} AND done_at < #{to} ORDER BY id")
    List<InspectionRow> doneBetween(
            @Param("contractId") long contractId, @Param("from") Instant from, @Param("to") Instant to);

    @Update("UPDATE gm_custody_inspection SET done_at = #{now}, done_by = #{by}, readings = #{readings}, result = "
            + "#{result} WHERE id = #{id} AND done_at IS NULL")
    int done(
            @Param("id") long id,
            @Param("by") String by,
            @Param("readings") String readings,
            @Param("result") String result,
            @Param("now") Instant now);

    @Update("UPDATE gm_custody_inspection SET follow_up = #{followUp} WHERE id = #{id}")
    int followUp(@Param("id") long id, @Param("followUp") String followUp);

    @Update("UPDATE gm_custody_inspection SET escalated_at = #{now} WHERE id = #{id} AND escalated_at IS NULL")
    int escalated(@Param("id") long id, @Param("now") Instant now);
}
