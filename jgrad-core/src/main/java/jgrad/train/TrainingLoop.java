package jgrad.train;

import jgrad.nn.Layer;
import jgrad.optim.Optimizer;

/** The running loop as a {@link TrainingListener} sees it: where it is, what it trains, and how to stop it. */
public final class TrainingLoop {
    private final Layer model;
    private final Optimizer optimizer;
    private final int batchesPerEpoch;
    private int epoch;
    private int batch;
    private History.StopReason stop;
    private int restoredEpoch;

    TrainingLoop(Layer model, Optimizer optimizer, int batchesPerEpoch) {
        this.model = model;
        this.optimizer = optimizer;
        this.batchesPerEpoch = batchesPerEpoch;
    }

    public Layer model() {
        return model;
    }

    public Optimizer optimizer() {
        return optimizer;
    }

    /** The current epoch, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The current batch within the epoch, from 0 (messages for people say batch + 1). */
    public int batch() {
        return batch;
    }

    public int batchesPerEpoch() {
        return batchesPerEpoch;
    }

    /** One batch per epoch: each epoch's loss is measured before its only update. */
    public boolean fullBatch() {
        return batchesPerEpoch == 1;
    }

    /** Asks the loop to stop (see {@link TrainingListener} for when it does); the first reason asked for is kept. */
    public void stop(History.StopReason reason) {
        if (stop == null) stop = reason;
    }

    public boolean stopRequested() {
        return stop != null;
    }

    /** Says that the model now holds the weights of an earlier epoch ({@link History#bestEpoch()}). */
    public void restoredWeightsOf(int epoch) {
        this.restoredEpoch = epoch;
    }

    void at(int epoch, int batch) {
        this.epoch = epoch;
        this.batch = batch;
    }

    History.StopReason stopReason() {
        return stop == null ? History.StopReason.MAX_EPOCHS : stop;
    }

    int restoredEpoch() {
        return restoredEpoch;
    }
}
