"""Answers to the chapter's exercises, computed."""

from __future__ import annotations

import math
import statistics

import torch
import torch.nn.functional as F
from torch import nn

from snippets.losses_init.initialization import xavier_limit

# 1. The best constant under MSE and under L1, before and after the outlier grows.
DATA = (2.0, 3.0, 7.0, 8.0, 50.0)
DATA_FARTHER = (2.0, 3.0, 7.0, 8.0, 500.0)
MEAN = statistics.fmean(DATA)
MEDIAN = statistics.median(DATA)
MEAN_FARTHER = statistics.fmean(DATA_FARTHER)
MEDIAN_FARTHER = statistics.median(DATA_FARTHER)

# 2. MSELoss on a (8, 5) prediction with one residual of 1 and all others 0.
SHAPE = (8, 5)
ELEMENTS = SHAPE[0] * SHAPE[1]
MEAN_LOSS = 1 / ELEMENTS
MEAN_GRAD = 2 / ELEMENTS
SUM_LOSS = 1.0
SUM_GRAD = 2.0


# 3. Predict: a (2, 1) prediction against a (2,) target.
def broadcast_mse() -> float:
    """What the exercise prints (PyTorch warns about the shapes, then broadcasts them)."""
    prediction = torch.tensor([[1.0], [3.0]])
    target = torch.tensor([1.0, 3.0])
    return F.mse_loss(prediction, target).item()


BROADCAST_PAIRS = 4
BROADCAST_LOSS = (0 + 4 + 4 + 0) / BROADCAST_PAIRS

# 4. Class weights (1, 3): sample A has q = (0.5, 0.5), class 0; sample B q = (0.8, 0.2), class 1.
PROBS = ((0.5, 0.5), (0.8, 0.2))
TARGETS = (0, 1)
CLASS_WEIGHTS = (1.0, 3.0)
_NLL = [-math.log(q[y]) for q, y in zip(PROBS, TARGETS, strict=True)]
UNWEIGHTED_LOSS = sum(_NLL) / len(_NLL)
_W = [CLASS_WEIGHTS[y] for y in TARGETS]
WEIGHTED_LOSS = sum(w * nll for w, nll in zip(_W, _NLL, strict=True)) / sum(_W)
WEIGHT_SUM = sum(_W)

# 5. xavier_uniform_ with the tanh gain on nn.Linear(300, 100).
TANH_GAIN = 5 / 3
XAVIER_FAN_SUM = 300 + 100
XAVIER_TANH_LIMIT = xavier_limit(300, 100, gain=TANH_GAIN)
XAVIER_TANH_STD = XAVIER_TANH_LIMIT / math.sqrt(3)

# 6. Thirty square ReLU layers: the factor per layer on the root mean square of the signal.
DEPTH = 30
XAVIER_RELU_FACTOR = math.sqrt(1 / 2)  # n * (1 / n) / 2 under the square root
DEFAULT_RELU_FACTOR = math.sqrt(1 / 6)  # n * (1 / (3 n)) / 2
XAVIER_RELU_AFTER_DEPTH = XAVIER_RELU_FACTOR**DEPTH
DEFAULT_RELU_AFTER_DEPTH = DEFAULT_RELU_FACTOR**DEPTH


def relu_rms_ratio(scheme: str, depth: int = DEPTH, width: int = 512, seed: int = 0) -> float:
    """RMS of the last ReLU output over the RMS of the input, for one seeded random network."""
    g = torch.Generator().manual_seed(seed)
    h = torch.randn(1000, width, generator=g, dtype=torch.float64)
    rms_in = h.pow(2).mean().sqrt()
    for _ in range(depth):
        w = torch.empty(width, width, dtype=torch.float64)
        if scheme == "xavier":
            nn.init.xavier_normal_(w, generator=g)
        else:  # nn.Linear's default
            nn.init.kaiming_uniform_(w, a=math.sqrt(5), generator=g)
        h = torch.relu(h @ w.T)
    return (h.pow(2).mean().sqrt() / rms_in).item()


def xavier_relu_measured() -> float:
    return relu_rms_ratio("xavier")


def default_relu_measured() -> float:
    return relu_rms_ratio("default")
