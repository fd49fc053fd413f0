package org.gridmend.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.gridmend.grid.GridLinks.Link;
import org.gridmend.process.MyBatisConfiguration;
import org.gridmend.support.TestGrids;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mybatis.spring.boot.test.autoconfigure.MybatisTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/** The mapper's statements on H2, without the rest of the application. */
@MybatisTest
@Import(MyBatisConfiguration.class)
class GridMapperTest {

    @Autowired
    GridMapper mapper;

    GridDocument doc;
    String p;

    @BeforeEach
    void insertSmallGrid() {
        p = TestGrids.prefix();
        doc = TestGrids.small(p, 36.0, 106.0);
        Instant now = Instant.now();
        mapper.upsertSubstations(doc.substations(), now);
        mapper.upsertFeeders(doc.feeders(), now);
        mapper.upsertDevices(doc.devices(), now);
        mapper.upsertTransformers(doc.transformers(), now);
        mapper.upsertCustomers(
                doc.customers().stream()
                        .filter(c -> c.lat() != null)
                        .map(c -> new CustomerRecord(
                                c.customerNo(),
                                c.name(),
                                c.phone(),
                                c.transformerId(),
                                c.lat(),
                                c.lng(),
                                CustomerRecord.FROM_ARCHIVE,
                                c.address(),
                                c.customerNo()))
                        .toList(),
                now);
        mapper.upsertStations(doc.stations(), now);
        mapper.upsertCrews(doc.crews(), now);
        mapper.insertCrewSkills(doc.crews());
    }

    @Test
    void upsertsReadBackAsWritten() {
        assertThat(mapper.device(p + "-SW")).isEqualTo(doc.devices().get(1));
        assertThat(mapper.transformer(p + "-T2")).isEqualTo(doc.transformers().get(1));
        assertThat(mapper.customer(p + "C1").address()).isEqualTo("长春市人民大街1号");
        assertThat(mapper.existingIds(ArchiveTable.CUSTOMER, List.of(p + "C1", p + "C6", "nobody")))
                .containsExactly(p + "C1");
    }

    @Test
    void anUpsertOfAnExistingRowUpdatesIt() {
        GridDocument.Feeder renamed = new GridDocument.Feeder(p + "-F", "改名线", p + "-SS");
        mapper.upsertFeeders(List.of(renamed), Instant.now());
        assertThat(mapper.feeder(p + "-F").name()).isEqualTo("改名线");
    }

    @Test
    void linksForValidation() {
        assertThat(mapper.deviceLinks(List.of(p + "-FU"))).containsExactly(new Link(p + "-FU", p + "-F", p + "-SW"));
        assertThat(mapper.childrenOf(List.of(p + "-SW")))
                .extracting(Link::id)
                .containsExactlyInAnyOrder(p + "-FU", p + "-T2");
        assertThat(mapper.crewKeys(List.of(doc.crews().get(0).employeeNo()), List.of()))
                .extracting(GridLinks.CrewKey::id)
                .containsExactly(p + "-C");
    }

    @Test
    void topologyWalksUpAndDown() {
        assertThat(mapper.devicesAbove(p + "-FU"))
                .extracting(GridDocument.Device::id)
                .containsExactly(p + "-FU", p + "-SW", p + "-CB");
        assertThat(mapper.transformersBelowDevice(p + "-SW")).containsExactly(p + "-T1", p + "-T2");
        assertThat(mapper.customersBelowDevice(p + "-FU")).containsExactly(p + "C1", p + "C2", p + "C3");
        assertThat(mapper.customersOnFeeder(p + "-F")).hasSize(5);
    }

    @Test
    void nearestWithinTheBox() {
        List<NearbyTransformer> near =
                mapper.nearestTransformers(36.0, 106.0, BoundingBox.around(36.0, 106.0, 500), 500, 5);
        assertThat(near).extracting(NearbyTransformer::id).containsExactly(p + "-T1", p + "-T2");
    }
}
