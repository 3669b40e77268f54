"""Softmax: the formula, a numerically stable version, its Jacobian, temperature, two classes."""

from __future__ import annotations

import math

# --8<-- [start:naive]
import torch


def softmax_naive(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """e^{z_i} / sum_j e^{z_j}, straight from the formula."""
    exp = torch.exp(z)
    return exp / exp.sum(dim=dim, keepdim=True)


# --8<-- [end:naive]


# --8<-- [start:stable]
def softmax(z: torch.Tensor, dim: int = -1) -> torch.Tensor:
    """Subtract the largest logit first, so that exp cannot overflow."""
    shifted = z - z.max(dim=dim, keepdim=True).values
    exp = torch.exp(shifted)
    return exp / exp.sum(dim=dim, keepdim=True)


# --8<-- [end:stable]


# --8<-- [start:jacobian]
def softmax_jacobian(z: torch.Tensor) -> torch.Tensor:
    """J[i, j] = d s_i / d z_j = s_i * (delta_ij - s_j)."""
    s = softmax(z)
    return torch.diag(s) - torch.outer(s, s)


# --8<-- [end:jacobian]


# --8<-- [start:temperature]
def softmax_with_temperature(z: torch.Tensor, t: float) -> torch.Tensor:
    """softmax(z / t): t < 1 sharpens the distribution, t > 1 flattens it."""
    return softmax(z / t)


# --8<-- [end:temperature]


def largest_jacobian_entry(lo: float = -10.0, hi: float = 10.0, steps: int = 2001) -> float:
    """Largest d s_i / d z_j over two-class logits (t, 0), t on a grid; it sits at t = 0."""
    return max(
        softmax_jacobian(torch.tensor([t, 0.0])).max().item()
        for t in torch.linspace(lo, hi, steps).tolist()
    )


def double_softmax_loss_floor(num_classes: int) -> float:
    """Cross-entropy when a perfect one-hot probability vector is passed in as logits."""
    perfect = torch.zeros(1, num_classes)
    perfect[0, 0] = 1.0
    return torch.nn.functional.cross_entropy(perfect, torch.tensor([0])).item()


EXAMPLE_LOGITS = (2.0, 1.0, 0.1)
EXAMPLE_P0, EXAMPLE_P1, EXAMPLE_P2 = softmax(torch.tensor(EXAMPLE_LOGITS)).tolist()
LARGE_LOGITS = (1000.0, 1001.0, 1002.0)
LARGE_P0, LARGE_P1, LARGE_P2 = softmax(torch.tensor(LARGE_LOGITS)).tolist()
TEMPERATURES = (0.5, 1.0, 2.0, 5.0)
TOP_PROBABILITY_T05 = softmax_with_temperature(torch.tensor(EXAMPLE_LOGITS), 0.5).max().item()
TOP_PROBABILITY_T5 = softmax_with_temperature(torch.tensor(EXAMPLE_LOGITS), 5.0).max().item()
TWO_CLASS_P0 = softmax(torch.tensor([2.0, 1.0]))[0].item()
SOFTMAX_DERIVATIVE_MAX = largest_jacobian_entry()
EXAMPLE_LOSS = -math.log(EXAMPLE_P0)
EXAMPLE_LOSS_DOUBLE_SOFTMAX = torch.nn.functional.cross_entropy(
    softmax(torch.tensor([EXAMPLE_LOGITS])), torch.tensor([0])
).item()
DOUBLE_SOFTMAX_FLOOR_3_CLASSES = double_softmax_loss_floor(3)
FLOAT32_EXP_LIMIT = math.log(torch.finfo(torch.float32).max)  # exp overflows above this
FLOAT16_EXP_LIMIT = math.log(torch.finfo(torch.float16).max)


if __name__ == "__main__":
    # --8<-- [start:example]
    logits = torch.tensor([2.0, 1.0, 0.1])
    probs = softmax_naive(logits)
    print(probs)
    print(probs.sum())
    # --8<-- [end:example]

    # --8<-- [start:overflow]
    large = torch.tensor([1000.0, 1001.0, 1002.0])
    print(torch.exp(large))  # (1)!
    print(softmax_naive(large))  # (2)!
    print(softmax(large))
    print(torch.softmax(large, dim=-1))
    # --8<-- [end:overflow]

    # --8<-- [start:jacobian_demo]
    z = torch.tensor([2.0, 1.0, 0.1])
    jacobian = softmax_jacobian(z)
    print(jacobian)
    by_autograd = torch.autograd.functional.jacobian(softmax, z)
    print(torch.allclose(jacobian, by_autograd))  # (1)!
    # --8<-- [end:jacobian_demo]

    # --8<-- [start:dim]
    batch = torch.tensor([[2.0, 1.0, 0.1], [0.5, 2.5, 0.3]])  # 2 samples, 3 classes
    print(torch.softmax(batch, dim=1))  # (1)!
    print(torch.softmax(batch, dim=0))  # (2)!
    print(torch.softmax(batch[:1], dim=0))  # (3)!
    # --8<-- [end:dim]

    # --8<-- [start:temperature_demo]
    for t in (0.5, 1.0, 2.0, 5.0):
        print(t, softmax_with_temperature(logits, t))
    # --8<-- [end:temperature_demo]

    # --8<-- [start:two_classes]
    pair = torch.tensor([2.0, 1.0])
    print(softmax(pair)[0])
    print(torch.sigmoid(pair[0] - pair[1]))
    # --8<-- [end:two_classes]

    # --8<-- [start:cross_entropy]
    loss_fn = torch.nn.CrossEntropyLoss()
    batch_logits = torch.tensor([[2.0, 1.0, 0.1]])
    target = torch.tensor([0])
    print(loss_fn(batch_logits, target))  # (1)!
    print(loss_fn(softmax(batch_logits), target))  # (2)!
    # --8<-- [end:cross_entropy]
