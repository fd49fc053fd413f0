package org.gridmend.electrician;

import org.gridmend.support.MariaDbTest;

/**
 * {@link ElectricianApiTest} on a real MariaDB through Connector/J: a behind-the-meter report through to a rated
 * electrician job driven through {@code /engine-rest} as the electrician, who sees no other electrician's job.
 */
@MariaDbTest
class ElectricianMariaDbIT extends ElectricianApiTest {}
