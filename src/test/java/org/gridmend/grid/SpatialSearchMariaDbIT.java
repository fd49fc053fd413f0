package org.gridmend.grid;

import org.gridmend.support.MariaDbTest;

@MariaDbTest
class SpatialSearchMariaDbIT extends SpatialSearchContract {}
