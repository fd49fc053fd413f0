/**
 * Who may do what: staff sign-in and its throttle, API keys for machines, what users may send to /engine-rest,
 * and the staff identities in Camunda.
 */
package org.gridmend.security;
