package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.gridmend.core.Refusal.Problem;
import org.gridmend.demo.DemoGrid;
import org.gridmend.grid.GridDocument.Crew;
import org.gridmend.grid.GridDocument.Customer;
import org.gridmend.grid.GridDocument.Device;
import org.gridmend.grid.GridDocument.Feeder;
import org.gridmend.grid.GridDocument.Transformer;
import org.gridmend.grid.GridLinks.CrewKey;
import org.gridmend.grid.GridLinks.Link;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.Test;

class GridDocumentValidatorTest {

    /** An archive in memory: what the validator would otherwise read from the database. */
    private final Map<ArchiveTable, Set<String>> ids = new HashMap<>();

    private final List<Link> devices = new ArrayList<>();
    private final List<Link> transformers = new ArrayList<>();
    private final List<CrewKey> crews = new ArrayList<>();
    private final Map<String, String> meters = new HashMap<>();

    private final GridDocumentValidator.ArchiveLookup archive = new GridDocumentValidator.ArchiveLookup() {
        @Override
        public Set<String> existingIds(ArchiveTable table, Collection<String> wanted) {
            return ids.getOrDefault(table, Set.of()).stream()
                    .filter(wanted::contains)
                    .collect(Collectors.toSet());
        }

        @Override
        public List<Link> devicesOfFeeders(Collection<String> feederIds) {
            return devices.stream()
                    .filter(d -> feederIds.contains(d.feederId()))
                    .toList();
        }

        @Override
        public List<Link> deviceLinks(Collection<String> wanted) {
            return devices.stream().filter(d -> wanted.contains(d.id())).toList();
        }

        @Override
        public List<Link> childrenOf(Collection<String> deviceIds) {
            List<Link> children = new ArrayList<>(devices.stream()
                    .filter(d -> deviceIds.contains(d.parentId()))
                    .toList());
            children.addAll(transformers.stream()
                    .filter(t -> deviceIds.contains(t.parentId()))
                    .toList());
            return children;
        }

        @Override
        public List<GridLinks.MeterOwner> meterOwners(Collection<String> meterNos) {
            return meters.entrySet().stream()
                    .filter(e -> meterNos.contains(e.getKey()))
                    .map(e -> new GridLinks.MeterOwner(e.getKey(), e.getValue()))
                    .toList();
        }

        @Override
        public List<CrewKey> crewKeys(Collection<String> employeeNos, Collection<String> userIds) {
            return crews.stream()
                    .filter(c -> employeeNos.contains(c.employeeNo()) || userIds.contains(c.userId()))
                    .toList();
        }
    };

    private final GridDocument small = TestGrids.small("p", 30.0, 100.0);

    private List<Problem> validate(GridDocument doc) {
        return new GridDocumentValidator(archive).validate(doc);
    }

    private void archiveHolds(ArchiveTable table, String... keys) {
        ids.computeIfAbsent(table, t -> new HashSet<>()).addAll(List.of(keys));
    }

    @Test
    void aConsistentDocumentHasNoProblems() {
        assertThat(validate(small)).isEmpty();
    }

    @Test
    void theDemoGridIsConsistent() {
        assertThat(validate(DemoGrid.generate())).isEmpty();
    }

    @Test
    void anUnknownParentDeviceIsNamedWithRecordAndField() {
        GridDocument doc = withDevices(
                small,
                List.of(
                        small.devices().get(0),
                        new Device("p-SW", DeviceType.SWITCH, "p-F", "nowhere", null, null),
                        small.devices().get(2)));
        assertThat(validate(doc))
                .containsExactly(new Problem(
                        "devices[1].parentId",
                        "device p-SW: parent device nowhere is neither in the document nor in the archive"));
    }

    @Test
    void aTransformerWithoutCoordinatesIsRejected() {
        List<Transformer> transformers = new ArrayList<>(small.transformers());
        Transformer t = transformers.get(1);
        transformers.set(1, new Transformer(t.id(), t.name(), t.feederId(), t.parentId(), t.areaType(), null, null));
        assertThat(validate(withTransformers(small, transformers)))
                .extracting(Problem::field)
                .containsExactly("transformers[1].lat", "transformers[1].lng");
    }

    @Test
    void latitudeOutOfRangeNamesTheField() {
        List<Customer> customers = new ArrayList<>(small.customers());
        Customer c = customers.get(2);
        customers.set(2, new Customer(c.customerNo(), c.name(), c.phone(), c.transformerId(), 91.5, 100.0, null));
        assertThat(validate(withCustomers(small, customers)))
                .containsExactly(new Problem(
                        "customers[2].lat", "customer pC3: lat must be between -90 and 90 (WGS-84 degrees), not 91.5"));
    }

    @Test
    void aDuplicateCustomerNumberNamesBothRecords() {
        List<Customer> customers = new ArrayList<>(small.customers());
        customers.add(customers.get(0));
        assertThat(validate(withCustomers(small, customers)))
                .containsExactly(new Problem(
                        "customers[6].customerNo",
                        "customer number pC1 appears twice (customers[0] and customers[6])"));
    }

    @Test
    void aCustomerOfAnUnknownTransformerIsRejected() {
        List<Customer> customers = List.of(new Customer("X1", null, null, "T-unknown", null, null, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, customers, null)))
                .containsExactly(new Problem(
                        "customers[0].transformerId",
                        "customer X1: transformer T-unknown is neither in the document nor in the archive"));
    }

    @Test
    void referencesMayPointIntoTheArchive() {
        archiveHolds(ArchiveTable.TRANSFORMER, "T-9");
        List<Customer> customers = List.of(new Customer("X1", null, "138 1234 5678", "T-9", 30.0, 100.0, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, customers, null)))
                .isEmpty();
    }

    @Test
    void aMissingTypeOrAreaTypeIsRequired() {
        GridDocument doc = withDevices(
                small,
                List.of(
                        small.devices().get(0),
                        new Device("p-SW", null, "p-F", "p-CB", null, null),
                        small.devices().get(2)));
        List<Transformer> transformers = new ArrayList<>(small.transformers());
        Transformer t = transformers.get(0);
        transformers.set(0, new Transformer(t.id(), t.name(), t.feederId(), t.parentId(), null, t.lat(), t.lng()));
        assertThat(validate(withTransformers(doc, transformers)))
                .extracting(Problem::field)
                .containsExactly("devices[1].type", "transformers[0].areaType");
    }

    @Test
    void aParentOnAnotherFeederIsRejected() {
        archiveHolds(ArchiveTable.FEEDER, "other");
        devices.add(new Link("other-CB", "other", null));
        GridDocument doc = withDevices(
                small,
                List.of(
                        small.devices().get(0),
                        new Device("p-SW", DeviceType.SWITCH, "p-F", "other-CB", null, null),
                        small.devices().get(2)));
        assertThat(validate(doc))
                .containsExactly(new Problem(
                        "devices[1].parentId",
                        "device p-SW is on feeder p-F but its parent device other-CB is on feeder other"));
    }

    @Test
    void aLoopOfDevicesIsRejected() {
        GridDocument doc = withDevices(
                small,
                List.of(
                        new Device("p-CB", DeviceType.BREAKER, "p-F", "p-FU", null, null),
                        small.devices().get(1),
                        small.devices().get(2)));
        assertThat(validate(doc))
                .extracting(Problem::message)
                .contains("device p-CB: parent device p-FU lies below it, which would make a loop");
    }

    @Test
    void aLoopThroughTheArchiveIsRejected() {
        archiveHolds(ArchiveTable.FEEDER, "F");
        devices.add(new Link("A", "F", null));
        devices.add(new Link("B", "F", "A"));
        List<Device> update = List.of(new Device("A", DeviceType.BREAKER, "F", "B", null, null));
        assertThat(validate(new GridDocument(null, null, null, update, null, null, null)))
                .extracting(Problem::field)
                .containsExactly("devices[0].parentId");
    }

    @Test
    void feedersDevicesAndTransformersShareOneIdSpace() {
        GridDocument doc = withDevices(
                small,
                List.of(
                        small.devices().get(0),
                        small.devices().get(1),
                        new Device("p-T1", DeviceType.FUSE, "p-F", "p-SW", null, null)));
        archiveHolds(ArchiveTable.TRANSFORMER, "p-CB");
        assertThat(validate(doc))
                .extracting(Problem::message)
                .contains(
                        "transformer p-T1: the id is already used by a device in this document (devices[2]); feeders, "
                                + "devices and transformers need distinct ids",
                        "device p-CB: the id already belongs to a transformer in the archive; feeders, devices and "
                                + "transformers need distinct ids");
    }

    @Test
    void movingADeviceToAnotherFeederMustTakeItsChildren() {
        archiveHolds(ArchiveTable.FEEDER, "F1", "F2");
        devices.add(new Link("CB", "F1", null));
        devices.add(new Link("FU", "F1", "CB"));
        transformers.add(new Link("T", "F1", "FU"));
        List<Device> move = List.of(new Device("FU", DeviceType.FUSE, "F2", null, null, null));
        assertThat(validate(new GridDocument(null, null, null, move, null, null, null)))
                .containsExactly(
                        new Problem(
                                "devices[0].feederId",
                                "device FU moves to feeder F2 but T below it stays on feeder F1; move it in the same document"));
    }

    @Test
    void aMeterBelongsToOneCustomer() {
        archiveHolds(ArchiveTable.TRANSFORMER, "T-9");
        meters.put("M-1", "OLD");
        List<Customer> customers = List.of(
                new Customer("X1", null, null, "T-9", null, null, null, "M-1"),
                new Customer("X2", null, null, "T-9", null, null, null, "M-2"),
                new Customer("X3", null, null, "T-9", null, null, null, "M-2"));
        assertThat(validate(new GridDocument(null, null, null, null, null, customers, null)))
                .containsExactly(
                        new Problem("customers[0].meterNo", "customer X1: meter M-1 already belongs to customer OLD"),
                        new Problem("customers[2].meterNo", "meter M-2 appears twice (customers[1] and customers[2])"));
    }

    @Test
    void crewKeysMustBeUniqueAgainstOtherCrews() {
        crews.add(new CrewKey("C-OLD", "0371", "crew01"));
        archiveHolds(ArchiveTable.STATION, "ST");
        List<Crew> newcomer =
                List.of(new Crew("C-NEW", "0371", null, null, "ST", "crew01", List.of(Skill.LV), null, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, null, newcomer)))
                .containsExactly(
                        new Problem(
                                "crews[0].employeeNo",
                                "crew C-NEW: employee number 0371 already belongs to crew C-OLD"),
                        new Problem("crews[0].userId", "crew C-NEW: user crew01 already works as crew C-OLD"));
    }

    @Test
    void crewKeysMustBeUniqueWithinTheDocument() {
        archiveHolds(ArchiveTable.STATION, "ST");
        List<Crew> twins = List.of(
                new Crew("C-1", "0371", null, null, "ST", "crew01", List.of(Skill.LV), null, null),
                new Crew("C-2", "0371", null, null, "ST", "crew01", List.of(Skill.MV), null, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, null, twins)))
                .extracting(Problem::field)
                .containsExactly("crews[1].employeeNo", "crews[1].userId");
    }

    @Test
    void aCrewKeepsItsOwnKeysOnUpdate() {
        crews.add(new CrewKey("C-OLD", "0371", "crew01"));
        archiveHolds(ArchiveTable.STATION, "ST");
        List<Crew> update =
                List.of(new Crew("C-OLD", "0371", "新名字", null, "ST", "crew01", List.of(Skill.LV), null, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, null, update)))
                .isEmpty();
    }

    @Test
    void aCrewWithoutSkillsCanNeverBeDispatched() {
        archiveHolds(ArchiveTable.STATION, "ST");
        List<Crew> crew = List.of(new Crew("C", "1", null, null, "ST", null, List.of(), null, null));
        assertThat(validate(new GridDocument(null, null, null, null, null, null, crew)))
                .extracting(Problem::field)
                .containsExactly("crews[0].skills");
    }

    @Test
    void idsMustBeSafeText() {
        List<Feeder> feeders = List.of(new Feeder("bad id", null, "p-SS"), new Feeder("", null, "p-SS"));
        assertThat(validate(new GridDocument(null, small.substations(), feeders, null, null, null, null)))
                .extracting(Problem::field)
                .containsExactly("feeders[0].id", "feeders[1].id");
    }

    @Test
    void onlyBothCoordinatesOrNeither() {
        List<Customer> customers = List.of(new Customer("X1", null, null, "p-T1", 30.0, null, null));
        assertThat(validate(new GridDocument(
                        null, null, null, null, small.transformers().subList(0, 0), customers, null)))
                .extracting(Problem::field)
                .contains("customers[0].lng");
    }

    @Test
    void problemsStopAtAHundred() {
        List<Customer> customers = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            customers.add(new Customer("X" + i, null, null, "nowhere", null, null, null));
        }
        assertThat(validate(new GridDocument(null, null, null, null, null, customers, null)))
                .hasSize(GridDocumentValidator.MAX_PROBLEMS);
    }

    private static GridDocument withDevices(GridDocument d, List<Device> devices) {
        return new GridDocument(
                d.stations(), d.substations(), d.feeders(), devices, d.transformers(), d.customers(), d.crews());
    }

    private static GridDocument withTransformers(GridDocument d, List<Transformer> transformers) {
        return new GridDocument(
                d.stations(), d.substations(), d.feeders(), d.devices(), transformers, d.customers(), d.crews());
    }

    private static GridDocument withCustomers(GridDocument d, List<Customer> customers) {
        return new GridDocument(
                d.stations(), d.substations(), d.feeders(), d.devices(), d.transformers(), customers, d.crews());
    }
}
