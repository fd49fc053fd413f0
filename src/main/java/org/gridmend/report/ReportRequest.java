package org.gridmend.report;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gridmend.grid.CoordinateSystem;

/**
 * {@code POST /api/reports}. A report needs a customer number or a location (or both). {@code requestId} is chosen
 * by the client, once per report: sending the same request again returns the first answer.
 */
public record ReportRequest(
        @NotBlank(message = "is required")
        @Size(max = 64, message = "must be at most 64 characters")
        @Pattern(regexp = "[A-Za-z0-9._:-]*", message = "may only hold letters, digits and . _ : -")
        String requestId,

        @NotNull(message = "is required (APP, WEB, HOTLINE, WECHAT, SMS or AMI)")
        Channel channel,

        @Size(max = 32, message = "must be at most 32 characters")
        @Pattern(regexp = "[A-Za-z0-9-]*", message = "may only hold letters, digits and -")
        String customerNo,

        @Size(max = 32, message = "must be at most 32 characters")
        @Pattern(regexp = "\\+?[0-9][0-9 -]{2,30}", message = "must be a phone number")
        String phone,

        @Valid Location location,

        @Size(max = 500, message = "must be at most 500 characters")
        String address,

        @Size(max = 1000, message = "must be at most 1000 characters")
        String description,

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
