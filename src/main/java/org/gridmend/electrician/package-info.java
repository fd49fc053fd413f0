/**
 * Social electricians (社会电工) for the service behind the meter (表后延伸服务): their registry (application with a
 * verified phone, a dispatcher's review, the certificate's expiry), the jobs offered to them one at a time, quoted,
 * done, confirmed and rated, and the customers' side of a job. Owns gm_electrician and the gm_service_job tables.
 */
package org.gridmend.electrician;
