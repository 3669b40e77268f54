"""Cross-entropy as a classification loss: what nn.CrossEntropyLoss computes, how to misuse it."""

from __future__ import annotations

# --8<-- [start:onehot]
import math

import torch
import torch.nn.functional as F
from torch import nn


def cross_entropy(p: torch.Tensor, q: torch.Tensor) -> torch.Tensor:
    """H(p, q) = -sum_i p_i log q_i over the last dimension; terms with p_i = 0 give 0."""
    return -torch.xlogy(p, q).sum(dim=-1)


# --8<-- [end:onehot]


# --8<-- [start:by_hand]
def cross_entropy_by_hand(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean over the batch of -log softmax(z)[y]."""
    log_probs = F.log_softmax(logits, dim=1)
    picked = log_probs[torch.arange(len(target)), target]  # (1)!
    return -picked.mean()


# --8<-- [end:by_hand]


# --8<-- [start:gradient]
def cross_entropy_grad(logits: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Gradient of the mean cross-entropy w.r.t. the logits: (softmax(z) - onehot(y)) / N."""
    onehot = F.one_hot(target, logits.shape[1]).to(logits.dtype)
    return (torch.softmax(logits, dim=1) - onehot) / len(target)


# --8<-- [end:gradient]


# --8<-- [start:probabilities_bug]
def loss_and_grad_norm(
    logits: torch.Tensor, target: torch.Tensor, softmax_first: bool
) -> tuple[float, float]:
    """Loss of nn.CrossEntropyLoss and the norm of its gradient w.r.t. the logits."""
    logits = logits.clone().requires_grad_(True)
    inputs = torch.softmax(logits, dim=1) if softmax_first else logits
    loss = nn.CrossEntropyLoss()(inputs, target)
    loss.backward()
    return loss.item(), logits.grad.norm().item()


def probability_input_loss_floor(num_classes: int) -> float:
    """Smallest loss reachable when probabilities go in: the input (1, 0, ..., 0)."""
    return math.log(1 + (num_classes - 1) / math.e)


# --8<-- [end:probabilities_bug]


# --8<-- [start:stability]
def log_softmax_via_logsumexp(logits: torch.Tensor) -> torch.Tensor:
    """log softmax(z) = z - logsumexp(z); logsumexp subtracts max(z) before exp."""
    return logits - torch.logsumexp(logits, dim=-1, keepdim=True)


# --8<-- [end:stability]


# --8<-- [start:soft_targets]
def smoothed_targets(target: torch.Tensor, num_classes: int, smoothing: float) -> torch.Tensor:
    """(1 - eps) * onehot(y) + eps / C: the target distribution of label smoothing."""
    onehot = F.one_hot(target, num_classes).float()
    return (1 - smoothing) * onehot + smoothing / num_classes


# --8<-- [end:soft_targets]


CONFIDENT_RIGHT = torch.tensor([[8.0, 0.0, 0.0]])
CONFIDENT_WRONG = torch.tensor([[0.0, 5.0, 0.0]])
FIRST_CLASS = torch.tensor([0])

RIGHT_LOSS, RIGHT_GRAD_NORM = loss_and_grad_norm(CONFIDENT_RIGHT, FIRST_CLASS, False)
RIGHT_LOSS_BUG, RIGHT_GRAD_NORM_BUG = loss_and_grad_norm(CONFIDENT_RIGHT, FIRST_CLASS, True)
WRONG_LOSS, WRONG_GRAD_NORM = loss_and_grad_norm(CONFIDENT_WRONG, FIRST_CLASS, False)
WRONG_LOSS_BUG, WRONG_GRAD_NORM_BUG = loss_and_grad_norm(CONFIDENT_WRONG, FIRST_CLASS, True)
GRAD_SHRINK_FACTOR = WRONG_GRAD_NORM / WRONG_GRAD_NORM_BUG
FLOOR_3_CLASSES = probability_input_loss_floor(3)
FLOOR_1000_CLASSES = probability_input_loss_floor(1000)
UNIFORM_LOSS_1000_CLASSES = math.log(1000)


if __name__ == "__main__":
    # --8<-- [start:onehot_demo]
    q = torch.tensor([0.7, 0.2, 0.1])  # predicted distribution
    y = torch.tensor(0)  # true class
    p = F.one_hot(y, num_classes=3).float()  # (1)!

    print(f"{cross_entropy(p, q).item():.4f}")
    print(f"{-torch.log(q[y]).item():.4f}")
    # --8<-- [end:onehot_demo]

    # --8<-- [start:by_hand_demo]
    torch.manual_seed(0)
    logits = torch.randn(4, 3)  # 4 samples, 3 classes
    target = torch.tensor([0, 2, 1, 2])

    by_hand = cross_entropy_by_hand(logits, target)
    two_steps = F.nll_loss(F.log_softmax(logits, dim=1), target)  # (2)!
    one_step = nn.CrossEntropyLoss()(logits, target)  # (3)!

    torch.testing.assert_close(two_steps, by_hand)
    torch.testing.assert_close(one_step, by_hand)
    print(f"{by_hand.item():.4f}")
    # --8<-- [end:by_hand_demo]

    # --8<-- [start:gradient_demo]
    logits.requires_grad_(True)
    nn.CrossEntropyLoss()(logits, target).backward()

    torch.testing.assert_close(logits.grad, cross_entropy_grad(logits.detach(), target))
    print(logits.grad.sum(dim=1).abs().max().item() < 1e-7)  # (1)!
    # --8<-- [end:gradient_demo]

    # --8<-- [start:probabilities_bug_demo]
    target = torch.tensor([0])
    cases = {"right": torch.tensor([[8.0, 0.0, 0.0]]), "wrong": torch.tensor([[0.0, 5.0, 0.0]])}
    for name, z in cases.items():
        loss, grad = loss_and_grad_norm(z, target, softmax_first=False)
        loss_bug, grad_bug = loss_and_grad_norm(z, target, softmax_first=True)  # (1)!
        print(f"{name}: loss {loss:.4f} vs {loss_bug:.4f}, grad norm {grad:.4f} vs {grad_bug:.4f}")

    print(f"floor with 3 classes: {probability_input_loss_floor(3):.4f}")
    # --8<-- [end:probabilities_bug_demo]

    # --8<-- [start:stability_demo]
    z = torch.tensor([0.0, 1000.0])
    print(torch.exp(z) / torch.exp(z).sum())  # (1)!
    print(torch.log(torch.softmax(z, dim=0)))  # (2)!
    print(F.log_softmax(z, dim=0))
    print(log_softmax_via_logsumexp(z))
    # --8<-- [end:stability_demo]

    # --8<-- [start:soft_targets_demo]
    torch.manual_seed(0)
    logits = torch.randn(4, 3)
    target = torch.tensor([0, 2, 1, 2])
    soft = smoothed_targets(target, num_classes=3, smoothing=0.1)

    smoothed = nn.CrossEntropyLoss(label_smoothing=0.1)(logits, target)
    with_soft_target = nn.CrossEntropyLoss()(logits, soft)  # (1)!
    by_definition = cross_entropy(soft, torch.softmax(logits, dim=1)).mean()

    torch.testing.assert_close(with_soft_target, smoothed)
    torch.testing.assert_close(by_definition, smoothed)
    print(soft[0])
    # --8<-- [end:soft_targets_demo]

    # --8<-- [start:pitfalls_demo]
    target = torch.tensor([0, 2, -100, -100])  # (1)!
    loss = nn.CrossEntropyLoss()(logits, target)
    kept = nn.CrossEntropyLoss()(logits[:2], target[:2])
    torch.testing.assert_close(loss, kept)  # (2)!

    summed = nn.CrossEntropyLoss(reduction="sum")(logits[:2], target[:2])
    torch.testing.assert_close(summed, 2 * kept)  # (3)!
    print("ok")
    # --8<-- [end:pitfalls_demo]
