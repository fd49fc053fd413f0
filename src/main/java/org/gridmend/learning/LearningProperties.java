package org.gridmend.learning;

import java.time.Duration;
import java.util.List;

import org.gridmend.grid.Skill;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Crew learning and certification; every value is documented in the README. */
@ConfigurationProperties("gridmend.learning")
public record LearningProperties(
        // the skills every crew must hold: a crew without one (or whose certification ran out) is assigned its course
        @DefaultValue("LV") List<Skill> requiredSkills,
        // how long the skills of the grid archive count as certified, from their import
        @DefaultValue("365d") Duration initialCertification,
        // a certification this close to its expiry is renewed: the crew is assigned the course again
        @DefaultValue("30d") Duration renewBefore,
        // after a failed exam, the crew may sit it again after this wait
        @DefaultValue("1h") Duration retryWait,
        // after this many failed exams in a row the station lead decides
        @DefaultValue("3") int failsBeforeEscalation,
        // how often GridMend looks for crews to assign a course to
        @DefaultValue("1h") Duration sweepEvery,
        // at most this much study time is counted from one report of the learning page
        @DefaultValue("300") int maxSecondsPerReport) {}
