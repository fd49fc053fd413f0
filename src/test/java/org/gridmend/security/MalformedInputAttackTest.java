package org.gridmend.security;

import org.gridmend.support.GridMendTest;

@GridMendTest
class MalformedInputAttackTest extends MalformedInputContract {}
