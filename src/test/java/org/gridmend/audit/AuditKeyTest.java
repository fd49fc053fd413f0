package org.gridmend.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The audit key GridMend accepts: set, long enough, and the demo's published one only in the demo profile. */
class AuditKeyTest {

    @Test
    void aMissingShortOrPublishedKeyIsRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> AuditKey.configured(null, "gridmend.audit.key", false))
                .hasMessageStartingWith("gridmend.audit.key is not set")
                .hasMessageContaining("GRIDMEND_AUDIT_KEY");
        assertThatThrownBy(() -> AuditKey.configured("  ", "gridmend.audit.key", true))
                .hasMessageStartingWith("gridmend.audit.key is not set");
        assertThatThrownBy(() -> AuditKey.configured("short-key", "gridmend.audit.key", false))
                .hasMessage("gridmend.audit.key must be at least 32 characters long");
        assertThatThrownBy(() -> AuditKey.configured(AuditKey.DEMO_KEY, "gridmend.audit.key", false))
                .hasMessageStartingWith("gridmend.audit.key is the demo profile's published key");
        assertThat(AuditKey.configured(AuditKey.DEMO_KEY, "gridmend.audit.key", true))
                .isNotNull();
    }

    @Test
    void theHashDependsOnTheKeyAndTheFingerprintDoesNotRevealIt() {
        AuditKey one = new AuditKey("one-key-of-at-least-thirty-two-chars");
        AuditKey two = new AuditKey("two-key-of-at-least-thirty-two-chars");
        assertThat(one.hash("the same text"))
                .hasSize(64)
                .isNotEqualTo(two.hash("the same text"))
                .isNotEqualTo(AuditKey.unkeyed("the same text"));
        assertThat(one.hash("the same text"))
                .isEqualTo(new AuditKey("one-key-of-at-least-thirty-two-chars").hash("the same text"));
        assertThat(one.fingerprint())
                .hasSize(64)
                .isNotEqualTo(two.fingerprint())
                .doesNotContain("one-key");
    }
}
