package org.gridmend.custody;

import org.gridmend.support.MariaDbTest;

/** {@link CustodyApiTest} on a real MariaDB through Connector/J: a custody contract through two inspection rounds. */
@MariaDbTest
class CustodyMariaDbIT extends CustodyApiTest {}
