/**
 * Equipment rental (设备租赁): the catalogue of the utility's and customers' idle equipment (generators, EVs and their
 * chargers, transformers, switchgear, cable reels, instruments), customers' listings reviewed by rental staff, and
 * bookings by the day with the RentalBooking process: the days held at once (the database refuses a second booking of
 * an item-day), the owner's confirmation, payment recorded, handover and return checklists, installation by a social
 * electrician, reminders, settlement against the deposit with disputes, and mutual ratings. Owns the gm_rental_*
 * tables.
 */
package org.gridmend.rental;
