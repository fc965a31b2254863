package jgrad.train;

/**
 * What one epoch did.
 *
 * @param epoch 1-based
 * @param loss the training loss: the mean of the batch losses, each measured before its update
 * @param validationLoss NaN without validation data
 * @param seconds wall time of the epoch
 */
public record EpochStats(int epoch, double loss, double validationLoss, double seconds) {}
