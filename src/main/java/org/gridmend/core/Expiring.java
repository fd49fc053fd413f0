package org.gridmend.core;

/**
 * Records a feature keeps only while they are useful (sign-in failures while they throttle, say), forgotten by the
 * retention clean-up, which knows no feature: each feature that keeps such records provides one of these.
 */
public interface Expiring {

    /** The name the clean-up reports the count under ({@code signInFailures}). */
    String name();

    /** Forgets what is no longer needed; returns how many records went. */
    int forgetExpired();
}
