"""Answers to the chapter's exercises, computed."""

from __future__ import annotations

import math

import torch

from snippets.optimization.lr_schedules import cosine_lr, step_lr
from snippets.optimization.optimizers import SGD, Adam, identity_gradient, run


def momentum_third_iterate() -> float:
    """w_3 of torch-style momentum 0.9, lr 0.1 on y = w^2 / 2 from w = 1."""
    return run(SGD(0.1, momentum=0.9), identity_gradient, [1.0], 3)[3].item()


def adam_first_step_on_scaled_loss() -> float:
    """w_1 of Adam (lr 0.1) on y = 1000 * w^2 / 2 from w = 1."""
    return run(Adam(0.1), lambda w: 1000 * w, [1.0], 1)[1].item()


MOMENTUM_W3 = momentum_third_iterate()
ADAM_SCALED_W1 = adam_first_step_on_scaled_loss()
STEP_LR_AT_120 = step_lr(120)
COSINE_LR_AT_150 = cosine_lr(150)
BN_RUNNING_MEAN_AFTER_ONE = 0.1 * 4.0
SGD_DECAY_FACTOR = 1 - 0.1 * 0.01


def dropout_eval_output() -> list[float]:
    layer = torch.nn.Dropout(0.5)
    layer.eval()
    return layer(torch.tensor([1.0, 2.0, 3.0, 4.0])).tolist()


def steps_ratio_kappa_100_vs_10() -> float:
    """Ratio of the predicted GD step counts, log(1e-3) / log((k - 1) / (k + 1))."""

    def predicted(kappa: float) -> float:
        return math.log(1e-3) / math.log((kappa - 1) / (kappa + 1))

    return predicted(100.0) / predicted(10.0)
