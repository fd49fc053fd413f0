package org.gridmend.electrician;

/**
 * A signed-in customer asks for a service ({@code POST /api/service-requests}): {@code kind} ELECTRICIAN, the skill
 * needed, where and when. {@code requestId} makes a repeated request return the same job.
 */
public record ServiceRequest(
        String requestId,
        String kind,
        String skill,
        Location location,
        String address,
        String description,
        String preferredWindow) {

    public record Location(Double lat, Double lng) {}

    /** When the customer would like the electrician to come. */
    public enum Window {
        ASAP,
        TODAY,
        TOMORROW,
        THIS_WEEK
    }
}
