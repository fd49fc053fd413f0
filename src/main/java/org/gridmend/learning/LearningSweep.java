package org.gridmend.learning;

import java.time.Duration;

import org.gridmend.core.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Every {@code gridmend.learning.sweep-every}, assigns courses where they are due ({@link LearningService#sweep}):
 * a required skill missing or expired, or a certification about to expire. Several nodes may sweep at once: a crew
 * still gets one learning per skill, which the database's key keeps.
 */
@Component
class LearningSweep implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LearningSweep.class);

    private final BackgroundLoop loop;

    LearningSweep(LearningService learning, LearningProperties properties) {
        this.loop = new BackgroundLoop("learning-sweep", log, Duration.ofMinutes(1), () -> {
            int started = learning.sweep().size();
            if (started > 0) {
                log.info("learning sweep assigned learnings={}", started);
            }
            return properties.sweepEvery();
        });
    }

    @Override
    public void start() {
        loop.start();
    }

    @Override
    public void stop() {
        loop.stop(Duration.ofSeconds(5));
    }

    @Override
    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public int getPhase() {
        // after the process engine and its job executor
        return Integer.MAX_VALUE - 100;
    }
}
