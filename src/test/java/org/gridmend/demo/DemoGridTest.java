package org.gridmend.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.gridmend.grid.AreaType;
import org.gridmend.grid.DeviceType;
import org.gridmend.grid.GeoMath;
import org.gridmend.grid.GridDocument;
import org.junit.jupiter.api.Test;

class DemoGridTest {

    private final GridDocument grid = DemoGrid.generate();

    @Test
    void theSameGridEveryTime() {
        assertThat(DemoGrid.generate()).isEqualTo(grid);
    }

    @Test
    void theSizeTheIssueAsksFor() {
        assertThat(grid.substations()).hasSize(3);
        assertThat(grid.feeders()).hasSize(20);
        assertThat(grid.transformers()).hasSize(300);
        assertThat(grid.customers()).hasSizeBetween(19_000, 21_000);
        assertThat(grid.stations()).hasSize(4);
        assertThat(grid.crews()).hasSize(20);
    }

    @Test
    void everyFeederHasABreakerSwitchesAndFuses() {
        Map<DeviceType, Long> types = grid.devices().stream()
                .collect(Collectors.groupingBy(GridDocument.Device::type, Collectors.counting()));
        assertThat(types.get(DeviceType.BREAKER)).isEqualTo(20);
        assertThat(types.get(DeviceType.SWITCH)).isEqualTo(40);
        assertThat(types.get(DeviceType.FUSE)).isEqualTo(120);
        assertThat(types.get(DeviceType.RECLOSER)).isPositive();
    }

    @Test
    void urbanRuralAndRemoteAreasAreAllThere() {
        Map<AreaType, Long> areas = grid.transformers().stream()
                .collect(Collectors.groupingBy(GridDocument.Transformer::areaType, Collectors.counting()));
        assertThat(areas.keySet()).containsExactlyInAnyOrder(AreaType.URBAN, AreaType.RURAL, AreaType.REMOTE);
        assertThat(areas.values()).allSatisfy(count -> assertThat(count).isGreaterThan(20));
    }

    @Test
    void itLiesAroundChangchunAndCustomersLiveNearTheirTransformer() {
        Map<String, GridDocument.Transformer> transformers = grid.transformers().stream()
                .collect(Collectors.toMap(GridDocument.Transformer::id, Function.identity()));
        assertThat(grid.transformers())
                .allSatisfy(
                        t -> assertThat(GeoMath.distanceM(DemoGrid.CENTRE_LAT, DemoGrid.CENTRE_LNG, t.lat(), t.lng()))
                                .isLessThan(60_000));
        assertThat(grid.customers()).allSatisfy(c -> {
            GridDocument.Transformer t = transformers.get(c.transformerId());
            assertThat(GeoMath.distanceM(t.lat(), t.lng(), c.lat(), c.lng())).isLessThan(650);
        });
    }

    @Test
    void customerNumbersAndPhonesLookReal() {
        assertThat(grid.customers()).allSatisfy(c -> {
            assertThat(c.customerNo()).matches("22\\d{8}");
            assertThat(c.phone()).matches("1[3-9]\\d{9}");
        });
        assertThat(grid.crews()).extracting(GridDocument.Crew::employeeNo).contains("0371");
        assertThat(grid.crews()).extracting(GridDocument.Crew::userId).contains("crew01", "crew20");
    }
}
