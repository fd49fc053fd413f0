/**
 * Notifications: the outbox of SMS and app pushes (one row per customer and event), its dispatcher to the
 * gateways, and the development gateway. Owns gm_notification and the inbox tables.
 */
package org.gridmend.notify;
