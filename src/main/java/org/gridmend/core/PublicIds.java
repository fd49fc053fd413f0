package org.gridmend.core;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ids customers and staff see: reports as {@code B-00000042} (报修), incidents (repair orders) as
 * {@code R-00000042}, outage notices as {@code N-00000042}, crews' learnings as {@code L-00000042}, social electricians'
 * jobs as {@code E-00000042}, the electricians as {@code EL00042}, rental items as {@code EQ-00000042} and
 * rental bookings as {@code Z-00000042}. Inside GridMend they are plain numbers.
 */
public final class PublicIds {

    private static final Pattern REPORT = Pattern.compile("B-(\\d{1,18})");
    private static final Pattern INCIDENT = Pattern.compile("R-(\\d{1,18})");
    private static final Pattern NOTICE = Pattern.compile("N-(\\d{1,18})");
    private static final Pattern LEARNING = Pattern.compile("L-(\\d{1,18})");
    private static final Pattern JOB = Pattern.compile("E-(\\d{1,18})");
    private static final Pattern CUSTODY = Pattern.compile("K-(\\d{1,18})");
    private static final Pattern RENTAL_ITEM = Pattern.compile("EQ-(\\d{1,18})");
    private static final Pattern BOOKING = Pattern.compile("Z-(\\d{1,18})");
    private static final Pattern ELECTRICIAN = Pattern.compile("EL(\\d{5,18})");

    private PublicIds() {}

    public static String report(long id) {
        return String.format(Locale.ROOT, "B-%08d", id);
    }

    public static String incident(Long id) {
        return id == null ? null : String.format(Locale.ROOT, "R-%08d", id);
    }

    public static String notice(Long id) {
        return id == null ? null : String.format(Locale.ROOT, "N-%08d", id);
    }

    /** A crew's learning of one skill (its CrewLearning process). */
    public static String learning(long id) {
        return String.format(Locale.ROOT, "L-%08d", id);
    }

    public static long parseLearning(String publicId) {
        return parse(LEARNING, publicId);
    }

    /** A social electrician's job (its ElectricianJob process), E-00000042. */
    public static String job(long id) {
        return String.format(Locale.ROOT, "E-%08d", id);
    }

    public static long parseJob(String publicId) {
        return parse(JOB, publicId);
    }

    /** A large customer's custody contract (its CustodyContract process), K-00000042. */
    public static String custody(long id) {
        return String.format(Locale.ROOT, "K-%08d", id);
    }

    public static long parseCustody(String publicId) {
        return parse(CUSTODY, publicId);
    }

    /** An item of the rental catalogue (its RentalListing process when a customer lists it), EQ-00000042. */
    public static String rentalItem(long id) {
        return String.format(Locale.ROOT, "EQ-%08d", id);
    }

    public static long parseRentalItem(String publicId) {
        return parse(RENTAL_ITEM, publicId);
    }

    /** A rental booking (its RentalBooking process), Z-00000042 (租). */
    public static String booking(long id) {
        return String.format(Locale.ROOT, "Z-%08d", id);
    }

    public static long parseBooking(String publicId) {
        return parse(BOOKING, publicId);
    }

    /** A social electrician, EL00042 (in lower case, el00042, also the Camunda user id). */
    public static String electrician(long id) {
        return String.format(Locale.ROOT, "EL%05d", id);
    }

    public static long parseElectrician(String publicId) {
        return parse(ELECTRICIAN, publicId);
    }

    /** An id a client sent, for an error message: at most 64 characters of it. */
    public static String shorten(String sent) {
        if (sent == null) {
            return "null";
        }
        return sent.length() <= 64 ? sent : sent.substring(0, 64) + "…";
    }

    /** The report number of a public id, or -1 when it is not one (callers answer 404 either way). */
    public static long parseReport(String publicId) {
        return parse(REPORT, publicId);
    }

    public static long parseIncident(String publicId) {
        return parse(INCIDENT, publicId);
    }

    public static long parseNotice(String publicId) {
        return parse(NOTICE, publicId);
    }

    private static long parse(Pattern pattern, String publicId) {
        if (publicId == null) {
            return -1;
        }
        Matcher m = pattern.matcher(publicId.trim().toUpperCase(Locale.ROOT));
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }
}
