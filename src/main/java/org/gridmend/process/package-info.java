/**
 * The Camunda engine's configuration: MyBatis, timers, form times, and typed access to process variables.
 */
package org.gridmend.process;
