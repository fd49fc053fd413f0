package org.gridmend.performance;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the crews' monthly score is made (every value is in the README): a weighted mean of the share of arrivals within
 * the commitment, the customers' stars (of 5), learning time (up to {@code learning-target-minutes}) and exams passed
 * (up to {@code exams-target}), over the parts a crew has figures for; minus points for each order sent back in
 * review and each repeat fault (the same device failing again within {@code repeat-days} of restoration).
 */
@ConfigurationProperties("gridmend.performance")
public record PerformanceProperties(
        @DefaultValue("40") double onTimeWeight,
        @DefaultValue("30") double ratingWeight,
        @DefaultValue("15") double learningWeight,
        @DefaultValue("15") double examsWeight,
        @DefaultValue("60") int learningTargetMinutes,
        @DefaultValue("1") int examsTarget,
        @DefaultValue("5") double sentBackPenalty,
        @DefaultValue("10") double repeatFaultPenalty,
        @DefaultValue("7") int repeatDays) {}
