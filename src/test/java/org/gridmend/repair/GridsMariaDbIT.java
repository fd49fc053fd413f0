package org.gridmend.repair;

import org.gridmend.support.MariaDbTest;

/** {@link GridsApiTest} on a real MariaDB through Connector/J: the same requests, the same answers. */
@MariaDbTest
class GridsMariaDbIT extends GridsApiTest {}
