package org.gridmend.performance;

import org.gridmend.support.MariaDbTest;

/** {@link PerformanceApiTest} on a real MariaDB through Connector/J: the same requests, the same answers. */
@MariaDbTest
class PerformanceMariaDbIT extends PerformanceApiTest {}
