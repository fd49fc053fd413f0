package org.gridmend.rental;

import org.gridmend.support.MariaDbTest;

/** {@link RentalApiTest} on a real MariaDB through Connector/J: a listing, a booking and its whole way. */
@MariaDbTest
class RentalMariaDbIT extends RentalApiTest {}
