package org.gridmend.grid;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.gridmend.grid.GridDocument.Crew;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Station;
import org.gridmend.grid.GridDocument.Substation;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridLinks.CrewKey;
import org.gridmend.grid.GridLinks.Link;

/**
 * The grid archive tables. Upserts are multi-row statements: {@code INSERT ... ON DUPLICATE KEY UPDATE} on
 * MySQL/MariaDB and {@code MERGE ... KEY} on H2, chosen by the database id; lists passed in must be kept to a
 * few hundred rows (see {@link GridImportService}).
 */
@Mapper
interface GridMapper {

    // --- import ---

    List<String> existingIds(@Param("table") ArchiveTable table, @Param("ids") Collection<String> ids);

    List<Link> deviceLinks(@Param("ids") Collection<String> ids);

    List<Link> devicesOfFeeders(@Param("feederIds") Collection<String> feederIds);

    List<Link> childrenOf(@Param("deviceIds") Collection<String> deviceIds);

    List<CrewKey> crewKeys(
            @Param("employeeNos") Collection<String> employeeNos, @Param("userIds") Collection<String> userIds);

    void upsertStations(@Param("rows") List<Station> rows, @Param("now") Instant now);

    void upsertSubstations(@Param("rows") List<Substation> rows, @Param("now") Instant now);

    void upsertFeeders(@Param("rows") List<Feeder> rows, @Param("now") Instant now);

    void upsertDevices(@Param("rows") List<Device> rows, @Param("now") Instant now);

    void upsertTransformers(@Param("rows") List<Transformer> rows, @Param("now") Instant now);

    void upsertCustomers(@Param("rows") List<CustomerRecord> rows, @Param("now") Instant now);

    @org.apache.ibatis.annotations.Update(
            "<script>UPDATE gm_customer SET kind = #{kind} WHERE kind &lt;&gt; #{kind} AND "
                    + "customer_no IN <foreach collection='numbers' item='n' open='(' separator=',' close=')'>#{n}</foreach>"
                    + "</script>")
    int setCustomerKind(@Param("kind") String kind, @Param("numbers") List<String> numbers);

    @org.apache.ibatis.annotations.Select("SELECT kind FROM gm_customer WHERE customer_no = #{customerNo}")
    String customerKind(@Param("customerNo") String customerNo);

    void upsertCrews(@Param("rows") List<Crew> rows, @Param("now") Instant now);

    void deleteCrewSkills(@Param("crewIds") Collection<String> crewIds);

    void insertCrewSkills(@Param("rows") List<Crew> rows);

    // --- reads ---

    long countSubstations();

    List<FeederSummary> feeders();

    Feeder feeder(@Param("id") String id);

    Substation substation(@Param("id") String id);

    Device device(@Param("id") String id);

    List<Device> devicesOnFeeder(@Param("feederId") String feederId);

    Transformer transformer(@Param("id") String id);

    List<Transformer> transformersByIds(@Param("ids") Collection<String> ids);

    List<TransformerSummary> transformersOnFeeder(@Param("feederId") String feederId);

    CustomerRecord customer(@Param("customerNo") String customerNo);

    /** Customers whose address contains the words, for an agent who has only the caller's address. */
    List<CustomerRecord> customersByAddress(@Param("words") String words, @Param("limit") int limit);

    CustomerRecord customerByMeter(@Param("meterNo") String meterNo);

    CustomerPlacement customerPlacement(@Param("customerNo") String customerNo);

    List<GridLinks.MeterOwner> meterOwners(@Param("ids") Collection<String> meterNos);

    List<CustomerRecord> customersOfTransformer(@Param("transformerId") String transformerId);

    // --- topology ---

    /** The devices above a transformer or device, nearest first. */
    List<Device> devicesAbove(@Param("parentId") String parentId);

    List<String> transformersBelowDevice(@Param("deviceId") String deviceId);

    List<String> customersBelowDevice(@Param("deviceId") String deviceId);

    List<String> transformersOnFeederIds(@Param("feederId") String feederId);

    List<String> customersOnFeeder(@Param("feederId") String feederId);

    List<String> customersOfTransformerIds(@Param("transformerId") String transformerId);

    // --- spatial ---

    List<NearbyCustomer> nearestCustomers(
            @Param("lat") double lat,
            @Param("lng") double lng,
            @Param("box") BoundingBox box,
            @Param("radiusM") double radiusM,
            @Param("limit") int limit);

    List<NearbyTransformer> nearestTransformers(
            @Param("lat") double lat,
            @Param("lng") double lng,
            @Param("box") BoundingBox box,
            @Param("radiusM") double radiusM,
            @Param("limit") int limit);
}
