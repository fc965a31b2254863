package jgrad.optim;

import java.util.List;
import jgrad.tensor.Tensor;

/** Adam with decoupled weight decay (Loshchilov and Hutter); default decay 0.01 as in PyTorch. */
public final class AdamW extends Adam {
    public AdamW(List<Tensor> params, double lr) {
        super(params, lr);
        decoupled(true);
        weightDecay(0.01);
    }
}
