package org.gridmend.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * {@code gridmend.web.body-limit.*}: the largest request body GridMend reads on {@code /api} and {@code /dev}
 * (multipart uploads have Spring's own limits, {@code spring.servlet.multipart.*}).
 *
 * @param anonymous  a body from a caller who is not signed in as staff (reports, sign-in, confirmations, ratings):
 *                   what a phone sends is a few hundred bytes
 * @param staff      a staff member's or an integration's body (a crew's batch of positions collected offline)
 * @param gridImport {@code POST /api/grid/import}, a utility's whole archive
 */
@ConfigurationProperties("gridmend.web.body-limit")
public record BodyLimitProperties(
        @DefaultValue("16KB") DataSize anonymous,
        @DefaultValue("2MB") DataSize staff,
        @DefaultValue("512MB") DataSize gridImport) {}
