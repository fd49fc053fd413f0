package org.gridmend.learning;

import org.gridmend.support.MariaDbTest;

/** {@link LearningApiTest} on a real MariaDB through Connector/J: the same requests, the same answers. */
@MariaDbTest
class LearningMariaDbIT extends LearningApiTest {}
