"""Answers to the chapter's exercises, computed."""

from __future__ import annotations

import math

import torch

from snippets.information_theory.cross_entropy_kl import cross_entropy, kl
from snippets.information_theory.entropy import entropy, uniform_entropy_bits

# 1. The entropy of (1/2, 1/4, 1/8, 1/8), in bits and in nats; the largest entropy on 4 outcomes.
DYADIC = torch.tensor([0.5, 0.25, 0.125, 0.125], dtype=torch.float64)
DYADIC_BITS = entropy(DYADIC).item()
DYADIC_NATS = entropy(DYADIC, base=math.e).item()
MAX_BITS_FOUR_OUTCOMES = uniform_entropy_bits(4)

# 2. KL in both directions for a fair coin p and a biased coin q = (1/4, 3/4).
P_FAIR = torch.tensor([0.5, 0.5], dtype=torch.float64)
Q_BIASED = torch.tensor([0.25, 0.75], dtype=torch.float64)
KL_FAIR_BIASED_BITS = kl(P_FAIR, Q_BIASED).item()
KL_BIASED_FAIR_BITS = kl(Q_BIASED, P_FAIR).item()
CROSS_ENTROPY_FAIR_BIASED_BITS = cross_entropy(P_FAIR, Q_BIASED).item()
ENTROPY_FAIR_BITS = entropy(P_FAIR).item()

# 3. A model that puts probability 0 on an outcome: q = (1, 0) against p = (1/2, 1/2).
Q_CERTAIN = torch.tensor([1.0, 0.0], dtype=torch.float64)
KL_FAIR_CERTAIN_BITS = kl(P_FAIR, Q_CERTAIN).item()
KL_CERTAIN_FAIR_BITS = kl(Q_CERTAIN, P_FAIR).item()

# 4. Cross-entropy of the logits (2, 0, 0) with target class 0, and its gradient.
LOGITS = torch.tensor([2.0, 0.0, 0.0], dtype=torch.float64)
TARGET = 0
LOGSUMEXP = torch.logsumexp(LOGITS, dim=0).item()
LOSS_TARGET_0 = LOGSUMEXP - LOGITS[TARGET].item()
LOSS_TARGET_1 = LOGSUMEXP - LOGITS[1].item()
PROBS = torch.softmax(LOGITS, dim=0)
GRAD_CORRECT = PROBS[TARGET].item() - 1
GRAD_OTHER = PROBS[1].item()


# 5. Predict: CrossEntropyLoss with an ignored target, mean and sum.
def ignore_index_losses() -> tuple[float, float]:
    logits = torch.log(torch.tensor([[0.5, 0.25, 0.25]])).repeat(3, 1)
    target = torch.tensor([0, -100, 1])
    mean = torch.nn.CrossEntropyLoss()(logits, target).item()
    total = torch.nn.CrossEntropyLoss(reduction="sum")(logits, target).item()
    return mean, total


IGNORE_MEAN = (math.log(2) + math.log(4)) / 2
IGNORE_SUM = math.log(2) + math.log(4)
IGNORE_MEAN_OVER_THREE = IGNORE_SUM / 3

# 6. 3 white balls in 12 draws: the maximum likelihood estimate and the smallest BCE.
WHITE, DRAWS = 3, 12
MLE = WHITE / DRAWS
MIN_BCE_NATS = entropy(torch.tensor([MLE, 1 - MLE], dtype=torch.float64), base=math.e).item()
