/**
 * What every feature shares and none owns: public ids, customer texts, the clock and the utility's zone, database
 * locks, the background loop, process constants, staff groups, PII masking and the business refusal kinds. Imports no feature.
 */
package org.gridmend.core;
