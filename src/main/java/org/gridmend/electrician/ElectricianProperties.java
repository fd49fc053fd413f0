package org.gridmend.electrician;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Social electricians and their jobs; every value is documented in the README. */
@ConfigurationProperties("gridmend.electricians")
public record ElectricianProperties(
        // how long one electrician has to accept an offered job before it goes to the next
        @DefaultValue("10m") Duration acceptWindow,
        // electricians offered a job, one after the other, before a dispatcher looks for one
        @DefaultValue("3") int maxOffers,
        // an electrician with this many jobs under way is not offered another
        @DefaultValue("3") int maxOpenJobs,
        // how long the customer has to accept or decline a quote before the job closes
        @DefaultValue("24h") Duration quoteWindow,
        // how long the customer has to confirm (or dispute) a completed job before it closes unconfirmed
        @DefaultValue("3d") Duration confirmationWindow,
        // the warning before a certificate expires
        @DefaultValue("30d") Duration warnBefore,
        // the largest photo of a finished job
        @DefaultValue("5242880") long photoMaxBytes,
        // at most this many photos per job
        @DefaultValue("6") int maxPhotos,
        // the address of GridMend's pages in links sent by SMS (the password link)
        @DefaultValue("http://localhost:8080") String publicUrl) {}
