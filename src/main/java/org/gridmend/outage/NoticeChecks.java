package org.gridmend.outage;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.gridmend.core.PlainText;
import org.gridmend.core.PlausibleTime;
import org.gridmend.core.Refusal;
import org.springframework.stereotype.Component;

/**
 * What a notice must say before it is published: its kind, device and times, within a year (its start from a year
 * back to a year ahead, its end after its start, ahead of now and within a year of its start), and why.
 */
@Component
class NoticeChecks {

    /** How far a notice may reach. */
    static final Duration NOTICE_HORIZON = Duration.ofDays(366);

    private final PlausibleTime time;
    private final Clock clock;

    NoticeChecks(PlausibleTime time, Clock clock) {
        this.time = time;
        this.clock = clock;
    }

    void fields(NoticeType type, String deviceId, Instant startsAt, Instant expectedEndAt, String reason) {
        if (type == null) {
            throw Refusal.invalid("MISSING_FIELD", "type", "type is required (PLANNED or FAULT)");
        }
        if (deviceId == null || deviceId.isBlank()) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "deviceId", "deviceId is required (a feeder, device or " + "transformer id)");
        }
        if (startsAt == null) {
            throw Refusal.invalid("MISSING_FIELD", "start", "start is required");
        }
        if (expectedEndAt == null) {
            throw Refusal.invalid("MISSING_FIELD", "expectedEnd", "expectedEnd is required");
        }
        time.planned("start", startsAt, NOTICE_HORIZON);
        if (startsAt.isBefore(clock.instant().minus(NOTICE_HORIZON))) {
            throw Refusal.invalid("INVALID_FIELD", "start", "start lies more than a year back");
        }
        if (!expectedEndAt.isAfter(startsAt)) {
            throw Refusal.invalid("INVALID_FIELD", "expectedEnd", "expectedEnd must be after start");
        }
        if (!expectedEndAt.isAfter(clock.instant())) {
            throw Refusal.invalid(
                    "INVALID_FIELD",
                    "expectedEnd",
                    "expectedEnd must be in the future: an " + "outage that is over needs no notice");
        }
        if (expectedEndAt.isAfter(startsAt.plus(NOTICE_HORIZON))) {
            throw Refusal.invalid(
                    "INVALID_FIELD", "expectedEnd", "expectedEnd lies more than a year after start: give the real end");
        }
        if (reason != null && PlainText.length(reason) > 500) {
            throw Refusal.invalid("INVALID_FIELD", "reason", "reason must be at most 500 characters");
        }
    }

    /** Checked after the device, so that a notice on an unknown device is told that first. */
    void reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw Refusal.invalid(
                    "MISSING_FIELD", "reason", "reason is required: customers are told why their power is off");
        }
    }
}
