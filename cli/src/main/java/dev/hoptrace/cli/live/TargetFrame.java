package dev.hoptrace.cli.live;

import dev.hoptrace.core.live.LiveSnapshot;
import java.util.Optional;

/**
 * One target as one frame shows it: what the layout needs, read from the {@link LiveTarget} once
 * so the whole frame agrees with itself.
 *
 * @param label the host as the user typed it
 * @param snapshot the newest snapshot
 * @param paused whether the user paused it (from its control: the snapshot lags a round behind)
 * @param elapsedNanos the run time to show, advanced between snapshots by the view's clock
 * @param failure the error the engine ended with, if any
 */
record TargetFrame(String label, LiveSnapshot snapshot, boolean paused, long elapsedNanos,
    Optional<String> failure) {}
