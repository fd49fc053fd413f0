package org.gridmend.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.gridmend.core.MaxChars;
import org.gridmend.grid.CoordinateSystem;

/**
 * {@code POST /api/reports}. A report needs a customer number or a location (or both). {@code requestId} is chosen
 * by the client, once per report: sending the same request again returns the first answer.
 */
public record ReportRequest(
        @NotBlank(message = "is required")
        @MaxChars(64)
        @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may only hold letters, digits and . _ : -")
        String requestId,

        @NotNull(message = "is required (APP, WEB, HOTLINE, WECHAT, SMS or AMI)")
        Channel channel,

        @MaxChars(32) @Pattern(regexp = "[A-Za-z0-9-]*", message = "may only hold letters, digits and -")
        String customerNo,

        @MaxChars(32) @Pattern(regexp = "\\+?[0-9][0-9 -]{2,30}", message = "must be a phone number")
        String phone,

        @Valid Location location,

        @MaxChars(500) String address,

        @MaxChars(1000) String description,

        Boolean onlyMyHome) {

    /** Where the phone says it is; WGS-84 unless {@code coordSys} says GCJ02 (most Chinese map SDKs) or BD09. */
    public record Location(
            @NotNull(message = "is required")
            @DecimalMin(value = "-90", message = "must be between -90 and 90")
            @DecimalMax(value = "90", message = "must be between -90 and 90")
            Double lat,

            @NotNull(message = "is required")
            @DecimalMin(value = "-180", message = "must be between -180 and 180")
            @DecimalMax(value = "180", message = "must be between -180 and 180")
            Double lng,

            CoordinateSystem coordSys) {

        public CoordinateSystem system() {
            return coordSys == null ? CoordinateSystem.WGS84 : coordSys;
        }
    }
}
