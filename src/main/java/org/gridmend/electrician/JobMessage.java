package org.gridmend.electrician;

import java.time.Instant;

/** A message between a job's customer and its electrician; {@code sender} CUSTOMER or ELECTRICIAN. */
public record JobMessage(long id, Instant at, String sender, String text) {

    static JobMessage of(JobMapper.Message m) {
        return new JobMessage(m.id(), m.at(), m.sender(), m.text());
    }
}
