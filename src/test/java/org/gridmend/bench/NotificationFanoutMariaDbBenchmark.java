package org.gridmend.bench;

import org.gridmend.support.MariaDbSupport;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The restoration fan-out ({@link FanoutScenario}) on the integration tests' MariaDB through Connector/J (the
 * {@code mysql} profile, {@code GRIDMEND_TEST_DB_URL}). Run with
 * {@code mvn verify -Pbenchmark -Dit.test=NotificationFanoutMariaDbBenchmark}.
 */
@ActiveProfiles({"test", "mysql"})
@ContextConfiguration(initializers = MariaDbSupport.class)
class NotificationFanoutMariaDbBenchmark extends FanoutScenario {}
