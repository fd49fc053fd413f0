package org.gridmend.rental;

/**
 * The owner's handover checklist or return check: the condition, the odometer (km) or hour-meter reading for a
 * vehicle or generator, notes, and on return the damage to take from the deposit (yuan).
 */
public record Checklist(String condition, Number reading, String notes, Number damageAmount) {}
