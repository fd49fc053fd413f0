package org.gridmend.electrician;

/** A stored photo of a job, as it is sent back. */
public record JobPhoto(String contentType, byte[] data) {}
