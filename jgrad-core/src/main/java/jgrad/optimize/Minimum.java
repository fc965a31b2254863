package jgrad.optimize;

import java.util.List;

/**
 * The outcome of a run: the rule that stopped it, the last point and value, and the whole path.
 *
 * @param message one sentence for people, e.g. why it diverged and what to try
 */
public record Minimum(StopReason stoppedBy, int iterations, double[] point, double value,
                      double[] start, double startValue, List<Iterate> path, String message) {}
