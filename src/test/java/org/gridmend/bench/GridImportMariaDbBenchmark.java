package org.gridmend.bench;

import org.gridmend.support.MariaDbSupport;
import org.gridmend.support.MariaDbTest;

@MariaDbTest
class GridImportMariaDbBenchmark extends GridImportBenchmarkBase {

    @Override
    String database() {
        return "MariaDB (" + MariaDbSupport.database().origin() + ")";
    }
}
