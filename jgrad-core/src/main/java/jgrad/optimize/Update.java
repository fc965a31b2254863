package jgrad.optimize;

/**
 * How a gradient becomes a step. One rule per record; {@link GradientDescent} applies them.
 *
 * <ul>
 *   <li>{@link Plain}: x ← x − lr·g (the seeds' rule);
 *   <li>{@link Momentum}: v ← β·v + g, x ← x − lr·v (heavy ball: keeps rolling through flat parts);
 *   <li>{@link Adam}: per-coordinate steps scaled by running averages of g and g², bias-corrected.
 * </ul>
 */
public sealed interface Update {
    record Plain() implements Update {}

    record Momentum(double beta) implements Update {
        public Momentum {
            if (!(beta >= 0 && beta < 1)) {
                throw new IllegalArgumentException("momentum must be in [0, 1), got " + beta);
            }
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
}
