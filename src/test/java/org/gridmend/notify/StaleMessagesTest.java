package org.gridmend.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;

/** Which messages are no longer true when their turn comes, from where the report or order stands then. */
class StaleMessagesTest {

    private final NotificationMapper mapper = mock(NotificationMapper.class);
    private final StaleMessages stale = new StaleMessages(mapper);

    @Test
    void aRatingRequestAfterTheRatingOrOnceTheReportClosedIsWithdrawn() {
        when(mapper.reportNow(7)).thenReturn(new NotificationMapper.ReportNow(1L, "CLOSED", "RATING", true, 1));
        assertThat(stale.whyStale("RATING_REQUEST", 1L, 7L)).contains("rated already");
        when(mapper.reportNow(8)).thenReturn(new NotificationMapper.ReportNow(1L, "CLOSED", "CLOSED", true, 0));
        assertThat(stale.whyStale("RATING_REQUEST", 1L, 8L)).contains("closed");
        when(mapper.reportNow(9)).thenReturn(new NotificationMapper.ReportNow(1L, "CLOSED", "RATING", true, 0));
        assertThat(stale.whyStale("RATING_REQUEST", 1L, 9L)).isNull();
    }

    @Test
    void aConfirmationRequestAfterPowerWasConfirmedIsWithdrawnButNotAfterStillOut() {
        when(mapper.reportNow(7)).thenReturn(new NotificationMapper.ReportNow(1L, "RESTORED", "RESTORED", true, 0));
        assertThat(stale.whyStale("CONFIRMATION_REQUEST", 1L, 7L)).contains("power is back");
        when(mapper.reportNow(8)).thenReturn(new NotificationMapper.ReportNow(1L, "RESTORED", "RESTORED", false, 0));
        assertThat(stale.whyStale("CONFIRMATION_REQUEST", 1L, 8L)).isNull();
    }

    @Test
    void aMoveMessageAfterAFurtherMoveIsWithdrawn() {
        when(mapper.reportNow(7)).thenReturn(new NotificationMapper.ReportNow(2L, "OPEN", "IN_REPAIR", null, 0));
        assertThat(stale.whyStale("REPORT_MOVED", 1L, 7L)).contains("moved again");
        assertThat(stale.whyStale("REPORT_MOVED", 2L, 7L)).isNull();
        when(mapper.reportNow(8)).thenReturn(new NotificationMapper.ReportNow(2L, "MERGED", "IN_REPAIR", null, 0));
        assertThat(stale.whyStale("REPORT_MOVED", 2L, 8L)).contains("moved again");
    }

    @Test
    void aMergeMessageIsWithdrawnOnlyWhenTheOrderItNamesMergedAgain() {
        when(mapper.mergedTargetState(5)).thenReturn("MERGED");
        when(mapper.mergedTargetState(6)).thenReturn("OPEN");
        assertThat(stale.whyStale("MERGED_UPSTREAM", 5L, null)).contains("merged again");
        assertThat(stale.whyStale("MERGED_UPSTREAM", 6L, null)).isNull();
        assertThat(stale.whyStale("CREW_ACCEPTED", 5L, null)).isNull();
        assertThat(stale.whyStale("SIGN_IN_CODE", null, null)).isNull();
    }
}
