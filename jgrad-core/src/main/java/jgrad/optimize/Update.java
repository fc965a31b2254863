package jgrad.optimize;

/**
 * How a gradient becomes a step. One rule per record; {@link GradientDescent} applies them.
 *
 * <ul>
 *   <li>{@link Plain}: x ← x − lr·g (the seeds' rule);
 *   <li>{@link Momentum}: v ← β·v + g, x ← x − lr·v (heavy ball: keeps rolling through flat parts);
 *   <li>{@link Nesterov}: v ← β·v + g, x ← x − lr·(g + β·v) (looks one step ahead);
 *   <li>{@link Adam}: per-coordinate steps scaled by running averages of g and g², bias-corrected;
 *   <li>{@link RMSprop}: s ← α·s + (1 − α)·g², x ← x − lr·g/(√s + ε).
 * </ul>
 * The arithmetic is {@code jgrad.kernel.UpdateD}'s, the same as the tensor optimisers' of {@code jgrad.optim}.
 */
public sealed interface Update {
    record Plain() implements Update {}

    record Momentum(double beta) implements Update {
        public Momentum {
            checkMomentum(beta);
        }
    }

    record Nesterov(double beta) implements Update {
        public Nesterov {
            checkMomentum(beta);
        }
    }

    private static void checkMomentum(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + beta);
        }
    }

    record Adam(double beta1, double beta2, double epsilon) implements Update {
        public Adam {
            if (!(beta1 >= 0 && beta1 < 1 && beta2 >= 0 && beta2 < 1 && epsilon > 0)) {
                throw new IllegalArgumentException("Adam needs 0 <= beta1, beta2 < 1 and epsilon > 0, got "
                        + beta1 + ", " + beta2 + ", " + epsilon);
            }
        }

        /** The usual defaults: β1 = 0.9, β2 = 0.999, ε = 1e-8. */
        public static Adam standard() {
            return new Adam(0.9, 0.999, 1e-8);
        }
    }

    record RMSprop(double alpha, double epsilon) implements Update {
        public RMSprop {
            if (!(alpha >= 0 && alpha < 1 && epsilon > 0)) {
                throw new IllegalArgumentException("RMSprop needs 0 <= alpha < 1 and epsilon > 0, got " + alpha + ", " + epsilon);
            }
        }

        /** PyTorch's defaults: α = 0.99, ε = 1e-8. */
        public static RMSprop standard() {
            return new RMSprop(0.99, 1e-8);
        }
    }
}
