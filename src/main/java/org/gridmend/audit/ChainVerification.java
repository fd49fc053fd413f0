package org.gridmend.audit;

/** The outcome of verifying the audit chain from its start.
 *
 * @param intact           whether every sealed event links to the one before it, matches its hash under the
 *                         configured key and every head published for it
 * @param checked          events checked (up to the first broken link)
 * @param nextSeq          the sequence number checked next (or the next one to be sealed when intact)
 * @param firstBroken      the first broken link, when not intact
 * @param startsAfter      the retention checkpoint the chain starts from, if any
 * @param unsealed         events committed but not yet sealed (they are within seconds of their commit)
 * @param publishedChecked published heads the chain was checked against
 * @param headFile         where the heads are published, if anywhere but the log
 */
public record ChainVerification(
        boolean intact,
        long checked,
        long nextSeq,
        BrokenLink firstBroken,
        Long startsAfter,
        long unsealed,
        long publishedChecked,
        String headFile) {

    /** The first link that does not hold: its seq, event, and what is wrong with it. */
    public record BrokenLink(long seq, long eventId, String type, String problem) {}
}
