package jgrad.tensor;

/** Element type of a tensor: float64 for exact teaching traces, float32 for speed. */
public enum DType {
    FLOAT64,
    FLOAT32;

    /** The wider of two types: mixing float32 and float64 computes in float64, as NumPy does. */
    public static DType promote(DType a, DType b) {
        return a == FLOAT64 || b == FLOAT64 ? FLOAT64 : FLOAT32;
    }
}
