package org.gridmend.grid;

import java.util.List;

/**
 * The grid archive as one JSON document, as {@code POST /api/grid/import} takes it. Every list may be left out;
 * records are upserted by id. A {@code parentId} of null means directly below the feeder.
 */
public record GridDocument(
        List<Station> stations,
        List<Substation> substations,
        List<Feeder> feeders,
        List<Device> devices,
        List<Transformer> transformers,
        List<Customer> customers,
        List<Crew> crews) {

    public GridDocument {
        stations = orEmpty(stations);
        substations = orEmpty(substations);
        feeders = orEmpty(feeders);
        devices = orEmpty(devices);
        transformers = orEmpty(transformers);
        customers = orEmpty(customers);
        crews = orEmpty(crews);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    public record Station(String id, String name, Double lat, Double lng) {}

    public record Substation(String id, String name, Double lat, Double lng) {}

    public record Feeder(String id, String name, String substationId) {}

    public record Device(String id, DeviceType type, String feederId, String parentId, Double lat, Double lng) {}

    public record Transformer(
            String id, String name, String feederId, String parentId, AreaType areaType, Double lat, Double lng) {}

    /**
     * A customer without coordinates is placed at its transformer. {@code meterNo} (an addition to the archive
     * format, optional) is the customer's smart meter; without it the meter number is the customer number.
     * {@code kind} (optional, RESIDENTIAL when left out) tells businesses, who may have their distribution rooms in
     * custody.
     */
    public record Customer(
            String customerNo,
            String name,
            String phone,
            String transformerId,
            Double lat,
            Double lng,
            String address,
            String meterNo,
            CustomerKind kind) {

        public Customer(
                String customerNo,
                String name,
                String phone,
                String transformerId,
                Double lat,
                Double lng,
                String address,
                String meterNo) {
            this(customerNo, name, phone, transformerId, lat, lng, address, meterNo, null);
        }

        public Customer(
                String customerNo,
                String name,
                String phone,
                String transformerId,
                Double lat,
                Double lng,
                String address) {
            this(customerNo, name, phone, transformerId, lat, lng, address, null, null);
        }
    }

    public record Crew(
            String id,
            String employeeNo,
            String name,
            String phone,
            String stationId,
            String userId,
            List<Skill> skills,
            Double lat,
            Double lng) {}
}
