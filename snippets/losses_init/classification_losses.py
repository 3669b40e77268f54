"""Classification losses in PyTorch: cross-entropy options, imbalance, BCE on logits, reduction."""

from __future__ import annotations

import math

# --8<-- [start:cross_entropy]
import torch
import torch.nn.functional as F
from torch import nn


def cross_entropy_by_hand(
    logits: torch.Tensor,
    target: torch.Tensor,
    weight: torch.Tensor | None = None,
    ignore_index: int = -100,
) -> torch.Tensor:
    """Class-index targets of shape (N,), logits of shape (N, C), reduction='mean'."""
    log_q = torch.log_softmax(logits, dim=1)
    keep = target != ignore_index  # (1)!
    picked = log_q[keep].gather(1, target[keep, None]).squeeze(1)  # (2)!
    w = torch.ones_like(picked) if weight is None else weight[target[keep]]
    return -(w * picked).sum() / w.sum()  # (3)!


def cross_entropy_soft(logits: torch.Tensor, target_probs: torch.Tensor) -> torch.Tensor:
    """Probability targets of shape (N, C): mean over samples of -sum_c p_c log q_c."""
    return -(target_probs * torch.log_softmax(logits, dim=1)).sum(dim=1).mean()


def cross_entropy_smoothed(logits: torch.Tensor, target: torch.Tensor, eps: float) -> torch.Tensor:
    """Label smoothing with class-index targets, no weights."""
    log_q = torch.log_softmax(logits, dim=1)
    nll = -log_q.gather(1, target[:, None]).squeeze(1)
    uniform = -log_q.mean(dim=1)  # (4)!
    return ((1 - eps) * nll + eps * uniform).mean()


def demo_batch() -> tuple[torch.Tensor, torch.Tensor]:
    """Five samples, four classes; the target of sample 2 is padding."""
    logits = torch.tensor(
        [
            [2.0, 0.5, -1.0, 0.0],
            [0.1, 0.2, 0.3, 0.4],
            [1.0, 1.0, 1.0, 1.0],
            [-0.5, 2.5, 0.0, 1.0],
            [0.0, 0.0, 3.0, -2.0],
        ],
        dtype=torch.float64,
    )
    return logits, torch.tensor([0, 3, -100, 1, 2])  # (5)!


# --8<-- [end:cross_entropy]


# --8<-- [start:pos_weight]
def bce_with_logits_by_hand(
    logits: torch.Tensor, target: torch.Tensor, pos_weight: float = 1.0
) -> torch.Tensor:
    log_p = F.logsigmoid(logits)  # log sigma(z), stable for any z
    log_not_p = F.logsigmoid(-logits)  # log(1 - sigma(z)) = log sigma(-z)
    return -(pos_weight * target * log_p + (1 - target) * log_not_p).mean()


# --8<-- [end:pos_weight]


def sequence_losses() -> tuple[float, float]:
    """Logits (B, T, C) with T == C: the silent wrong loss and the correct one."""
    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(2, 3, 3, generator=generator, dtype=torch.float64)
    target = torch.randint(0, 3, (2, 3), generator=generator)
    wrong = F.cross_entropy(logits, target)
    right = F.cross_entropy(logits.transpose(1, 2), target)
    return wrong.item(), right.item()


SEQUENCE_WRONG, SEQUENCE_RIGHT = sequence_losses()

# 90 negatives and 10 positives, all predicted with logit 0
N_NEGATIVE, N_POSITIVE = 90, 10
POS_WEIGHT = N_NEGATIVE / N_POSITIVE


def bias_gradient_at_zero(pos_weight: float) -> float:
    """d loss / d b for a model that outputs the logit b for every sample, at b = 0."""
    target = torch.cat([torch.zeros(N_NEGATIVE), torch.ones(N_POSITIVE)]).double()
    bias = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    logits = bias.expand(len(target))
    loss = F.binary_cross_entropy_with_logits(
        logits, target, pos_weight=torch.tensor(pos_weight, dtype=torch.float64)
    )
    (grad,) = torch.autograd.grad(loss, bias)
    return grad.item()


BIAS_GRAD_PLAIN = bias_gradient_at_zero(1.0)
BIAS_GRAD_WEIGHTED = bias_gradient_at_zero(POS_WEIGHT)


def sigmoid_then_bce(z: float, y: float, dtype: torch.dtype = torch.float32) -> tuple[float, float]:
    """Loss and gradient with respect to the logit for sigmoid followed by BCELoss."""
    logit = torch.tensor([z], dtype=dtype, requires_grad=True)
    loss = nn.BCELoss()(torch.sigmoid(logit), torch.tensor([y], dtype=dtype))
    (grad,) = torch.autograd.grad(loss, logit)
    return loss.item(), grad.item()


def fused_bce(z: float, y: float) -> tuple[float, float]:
    logit = torch.tensor([z], requires_grad=True)
    loss = nn.BCEWithLogitsLoss()(logit, torch.tensor([y]))
    (grad,) = torch.autograd.grad(loss, logit)
    return loss.item(), grad.item()


def true_bce(z: float, y: float) -> float:
    """softplus(z) - y z in float64: the exact loss on a logit."""
    logit = torch.tensor(z, dtype=torch.float64)
    return (F.softplus(logit) - y * logit).item()


def bce_input_gradient(p: float, y: float) -> float:
    """Gradient of BCELoss with respect to its input probability p (float32)."""
    prob = torch.tensor([p], requires_grad=True)
    (grad,) = torch.autograd.grad(nn.BCELoss()(prob, torch.tensor([y])), prob)
    return grad.item()


def sigmoid_backward(z: float, dtype: torch.dtype = torch.float32) -> float:
    logit = torch.tensor([z], dtype=dtype, requires_grad=True)
    (grad,) = torch.autograd.grad(torch.sigmoid(logit).sum(), logit)
    return grad.item()


def first_logit_where_sigmoid_is_one(dtype: torch.dtype) -> float:
    z = torch.arange(0, 100, dtype=dtype)
    return z[torch.sigmoid(z) == 1][0].item()


PRECISION_Z = 15.0
PRECISION_LOSS_UNFUSED = sigmoid_then_bce(PRECISION_Z, 0.0)[0]
PRECISION_LOSS_TRUE = true_bce(PRECISION_Z, 0.0)

SATURATED_Z = 20.0
SATURATED_LOSS, SATURATED_GRAD = sigmoid_then_bce(SATURATED_Z, 0.0)
BCE_GRAD_AT_ONE = bce_input_gradient(1.0, 0.0)
SIGMOID_GRAD_AT_20 = sigmoid_backward(SATURATED_Z)
SATURATED_LOSS_FLOAT64, SATURATED_GRAD_FLOAT64 = sigmoid_then_bce(SATURATED_Z, 0.0, torch.float64)
SIGMOID_ONE_FLOAT32 = first_logit_where_sigmoid_is_one(torch.float32)
SIGMOID_ONE_FLOAT64 = first_logit_where_sigmoid_is_one(torch.float64)

NEGATIVE_Z = -30.0
NEGATIVE_LOSS, NEGATIVE_GRAD = sigmoid_then_bce(NEGATIVE_Z, 1.0)
BCE_GRAD_EPSILON = 1e-12  # the floor of p (1 - p) in BCELoss's backward
BCE_FLOOR_LOGIT = math.log(BCE_GRAD_EPSILON)  # below it, sigma(z) (1 - sigma(z)) < 1e-12
NEGATIVE_P = torch.sigmoid(torch.tensor(NEGATIVE_Z)).item()


def reduction_gradients() -> dict[str, float]:
    """Gradient of sample 0's correct-class logit under each reduction, for the demo batch."""
    logits, target = demo_batch()
    weight = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    out = {}
    for name, kwargs in {
        "sum": {"reduction": "sum"},
        "mean": {},
        "mean_weighted": {"weight": weight},
    }.items():
        z = logits.clone().requires_grad_()
        (grad,) = torch.autograd.grad(F.cross_entropy(z, target, **kwargs), z)
        out[name] = grad[0, 0].item()
    return out


REDUCTION_GRADS = reduction_gradients()
KEPT_SAMPLES = 4
WEIGHT_SUM = 1.0 + 4.0 + 2.0 + 3.0  # weights of the classes 0, 3, 1, 2 of the kept samples


if __name__ == "__main__":
    # --8<-- [start:demo_cross_entropy]
    logits, target = demo_batch()
    weight = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)

    print(torch.allclose(cross_entropy_by_hand(logits, target), F.cross_entropy(logits, target)))
    print(
        torch.allclose(
            cross_entropy_by_hand(logits, target, weight),
            F.cross_entropy(logits, target, weight=weight),
        )
    )

    kept = target != -100
    generator = torch.Generator().manual_seed(0)
    noise = torch.randn(4, 4, generator=generator, dtype=torch.float64)
    probs = torch.softmax(3 * noise, dim=1)  # (1)!
    print(
        torch.allclose(
            cross_entropy_soft(logits[kept], probs), F.cross_entropy(logits[kept], probs)
        )
    )
    print(
        torch.allclose(
            cross_entropy_smoothed(logits[kept], target[kept], 0.1),
            F.cross_entropy(logits[kept], target[kept], label_smoothing=0.1),
        )
    )
    # --8<-- [end:demo_cross_entropy]

    # --8<-- [start:demo_class_dim]
    generator = torch.Generator().manual_seed(0)
    logits = torch.randn(2, 3, 3, generator=generator, dtype=torch.float64)  # (1)!
    target = torch.randint(0, 3, (2, 3), generator=generator)

    wrong = F.cross_entropy(logits, target)  # (2)!
    right = F.cross_entropy(logits.transpose(1, 2), target)  # (3)!
    flat = F.cross_entropy(logits.reshape(-1, 3), target.reshape(-1))
    print(f"{wrong.item():.4f} {right.item():.4f} {flat.item():.4f}")

    try:
        F.cross_entropy(torch.randn(2, 5, 3), torch.randint(0, 3, (2, 5)))  # (4)!
    except RuntimeError as error:
        print(error)
    # --8<-- [end:demo_class_dim]

    # --8<-- [start:demo_pos_weight]
    target = torch.cat([torch.zeros(90), torch.ones(10)])
    logits = 2 * torch.randn(100, generator=torch.Generator().manual_seed(1))
    for pw in (1.0, 9.0):
        mine = bce_with_logits_by_hand(logits, target, pos_weight=pw)
        theirs = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pw))(logits, target)
        print(pw, torch.allclose(mine, theirs))

    for pw in (1.0, 9.0):
        bias = torch.zeros(1, requires_grad=True)
        loss = F.binary_cross_entropy_with_logits(
            bias.expand(100), target, pos_weight=torch.tensor(pw)
        )
        loss.backward()
        print(f"pos_weight {pw}: d loss / d bias = {round(bias.grad.item(), 4) + 0.0}")  # (1)!
    # --8<-- [end:demo_pos_weight]

    # --8<-- [start:demo_saturation]
    for z, y in [(15.0, 0.0), (20.0, 0.0), (-30.0, 1.0)]:
        logit = torch.tensor([z], requires_grad=True)
        p = torch.sigmoid(logit)
        p.retain_grad()  # (1)!
        loss = nn.BCELoss()(p, torch.tensor([y]))
        loss.backward()

        fused_logit = torch.tensor([z], requires_grad=True)
        fused = nn.BCEWithLogitsLoss()(fused_logit, torch.tensor([y]))
        fused.backward()
        print(
            f"z={z:5.1f} y={y:.0f} | p={p.item():.7g} loss {loss.item():8.4f}"
            f" dL/dp {p.grad.item():9.2e} dL/dz {logit.grad.item():7.4f}"
            f" | fused loss {fused.item():8.4f} dL/dz {fused_logit.grad.item():7.4f}"
        )
    # --8<-- [end:demo_saturation]

    # --8<-- [start:demo_mechanism]
    logit = torch.tensor([20.0], requires_grad=True)
    (d_sigmoid,) = torch.autograd.grad(torch.sigmoid(logit).sum(), logit)
    print(torch.sigmoid(logit).item() == 1.0, d_sigmoid.item())  # (1)!

    p = torch.tensor([1.0], requires_grad=True)
    nn.BCELoss()(p, torch.zeros(1)).backward()
    print(p.grad.item())  # (2)!

    p = torch.tensor([torch.sigmoid(torch.tensor(-30.0)).item()], requires_grad=True)
    nn.BCELoss()(p, torch.ones(1)).backward()
    floor = max(p.item() * (1 - p.item()), 1e-12)
    print(torch.allclose(p.grad, (p.detach() - 1) / floor), f"{-1 / p.item():.3e}")  # (3)!
    # --8<-- [end:demo_mechanism]

    # --8<-- [start:demo_reduction]
    logits, target = demo_batch()
    weight = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    for name, kwargs in [
        ("sum", {"reduction": "sum"}),
        ("mean", {}),
        ("mean, weight", {"weight": weight}),
    ]:
        z = logits.clone().requires_grad_()
        F.cross_entropy(z, target, **kwargs).backward()
        print(f"{name:12}  grad[0, 0] = {z.grad[0, 0].item():.4f}")
    # --8<-- [end:demo_reduction]
