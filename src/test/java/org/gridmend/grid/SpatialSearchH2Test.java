package org.gridmend.grid;

import org.gridmend.support.GridMendTest;

@GridMendTest
class SpatialSearchH2Test extends SpatialSearchContract {}
