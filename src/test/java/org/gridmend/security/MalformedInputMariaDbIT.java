package org.gridmend.security;

import org.gridmend.support.MariaDbTest;

@MariaDbTest
class MalformedInputMariaDbIT extends MalformedInputContract {}
