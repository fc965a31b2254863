package jgrad.train;

/**
 * The loss became NaN or infinite, or grew far above where it started ({@link DivergenceCheck}): the usual
 * cause is a learning rate that is too large.
 */
public final class TrainingDivergedException extends ArithmeticException {
    public TrainingDivergedException(String message) {
        super(message);
    }
}
