package org.gridmend.audit;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One walk along the audit chain from its start (the genesis, or the latest retention checkpoint), page by page:
 * every link recomputed, every event checked against the heads published for it, and optionally resealed.
 */
final class ChainWalk {

    private static final int PAGE = 5000;

    private ChainWalk() {}

    /** The outcome of walking the chain from its start. */
    record Walk(long checked, long nextSeq, ChainVerification.BrokenLink broken, long publishedChecked) {}

    /**
     * Walks the chain from its start checking every link with {@code sealedWith} and every event against the heads
     * published for it; with a {@code resealWith} key, each checked event is sealed anew with it.
     */
    static Walk walk(
            AuditMapper mapper, UnaryOperator<String> sealedWith, Map<Long, String> published, AuditKey resealWith) {
        AuditMapper.Checkpoint checkpoint = mapper.latestCheckpoint();
        long expectedSeq = checkpoint == null ? 1 : checkpoint.seq() + 1;
        String previous = checkpoint == null ? AuditChain.GENESIS : checkpoint.hash();
        String resealedPrevious = previous;
        long checked = 0;
        long publishedChecked = 0;
        if (checkpoint != null && published.containsKey(checkpoint.seq())) {
            if (!published.get(checkpoint.seq()).equals(checkpoint.hash())) {
                return new Walk(
                        0,
                        expectedSeq,
                        new ChainVerification.BrokenLink(
                                checkpoint.seq(),
                                0,
                                null,
                                "the retention " + "checkpoint's hash is not the head published for seq "
                                        + checkpoint.seq()),
                        0);
            }
            publishedChecked++;
        }
        long after = expectedSeq - 1;
        while (true) {
            List<AuditEvent> page = mapper.chain(after, PAGE);
            for (AuditEvent event : page) {
                String problem = null;
                if (event.seq() != expectedSeq) {
                    problem = "events " + expectedSeq + " to " + (event.seq() - 1) + " are missing";
                } else if (!previous.equals(event.prevHash())) {
                    problem = "does not link to the event before it";
                } else if (!sealedWith
                        .apply(ChainLink.text(previous, event.seq(), event))
                        .equals(event.hash())) {
                    problem = "its content no longer matches its hash";
                } else if (published.containsKey(event.seq())) {
                    if (!published.get(event.seq()).equals(event.hash())) {
                        problem = "its hash is not the head published for it: the chain was rewritten";
                    } else {
                        publishedChecked++;
                    }
                }
                if (problem != null) {
                    return new Walk(
                            checked,
                            expectedSeq,
                            new ChainVerification.BrokenLink(event.seq(), event.id(), event.type(), problem),
                            publishedChecked);
                }
                if (resealWith != null) {
                    String hash = resealWith.hash(ChainLink.text(resealedPrevious, event.seq(), event));
                    mapper.reseal(event.id(), resealedPrevious, hash);
                    resealedPrevious = hash;
                }
                checked++;
                expectedSeq++;
                previous = event.hash();
                after = event.seq();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        long last = expectedSeq - 1;
        long beyond = published.keySet().stream()
                .mapToLong(Long::longValue)
                .filter(seq -> seq > last)
                .max()
                .orElse(-1);
        if (beyond > 0) {
            return new Walk(
                    checked,
                    expectedSeq,
                    new ChainVerification.BrokenLink(
                            beyond,
                            0,
                            null,
                            "the chain ends at seq " + last + " but seq " + beyond
                                    + " was published: events were removed from its end"),
                    publishedChecked);
        }
        return new Walk(checked, expectedSeq, null, publishedChecked);
    }
}
