package org.gridmend.rental;

/** A photo as sent back: its type and bytes. */
public record RentalPhoto(String contentType, byte[] data) {}
