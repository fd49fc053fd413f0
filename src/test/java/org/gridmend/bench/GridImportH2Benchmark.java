package org.gridmend.bench;

import org.gridmend.support.GridMendTest;

@GridMendTest
class GridImportH2Benchmark extends GridImportBenchmarkBase {

    @Override
    String database() {
        return "H2 (in memory)";
    }
}
