"""Regression losses: L1, MSE (and MSE as a Gaussian NLL), Smooth L1 and Huber, and reduction."""

from __future__ import annotations

# --8<-- [start:l1_mse]
import math
import warnings

import torch
import torch.nn.functional as F
from torch import nn


def l1_loss(prediction: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    return (prediction - target).abs().mean()


def mse_loss(prediction: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    return ((prediction - target) ** 2).mean()


# --8<-- [end:l1_mse]


# --8<-- [start:gaussian]
def gaussian_nll(prediction: torch.Tensor, target: torch.Tensor, sigma: float) -> torch.Tensor:
    """Mean of -log N(target; prediction, sigma^2)."""
    squared = (target - prediction) ** 2
    return (squared / (2 * sigma**2) + 0.5 * math.log(2 * math.pi * sigma**2)).mean()


# --8<-- [end:gaussian]


# --8<-- [start:smooth]
def smooth_l1_loss(prediction: torch.Tensor, target: torch.Tensor, beta: float) -> torch.Tensor:
    e = (prediction - target).abs()
    return torch.where(e < beta, 0.5 * e**2 / beta, e - 0.5 * beta).mean()


def huber_loss(prediction: torch.Tensor, target: torch.Tensor, delta: float) -> torch.Tensor:
    e = (prediction - target).abs()
    return torch.where(e <= delta, 0.5 * e**2, delta * (e - 0.5 * delta)).mean()


# --8<-- [end:smooth]


def per_element(loss: str, residual: torch.Tensor, width: float = 1.0) -> torch.Tensor:
    """One of PyTorch's losses, element by element, at the given residuals (target 0)."""
    zero = torch.zeros_like(residual)
    if loss == "l1":
        return F.l1_loss(residual, zero, reduction="none")
    if loss == "mse":
        return F.mse_loss(residual, zero, reduction="none")
    if loss == "smooth_l1":
        return F.smooth_l1_loss(residual, zero, reduction="none", beta=width)
    return F.huber_loss(residual, zero, reduction="none", delta=width)


def gradient_per_element(loss: str, residual: torch.Tensor, width: float = 1.0) -> torch.Tensor:
    residual = residual.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(per_element(loss, residual, width).sum(), residual)
    return grad


def loss_at(loss: str, residual: float, width: float) -> float:
    return per_element(loss, torch.tensor([residual], dtype=torch.float64), width).item()


def gradient_at(loss: str, residual: float, width: float) -> float:
    return gradient_per_element(loss, torch.tensor([residual], dtype=torch.float64), width).item()


# A constant prediction c for data with one outlier: MSE picks the mean, L1 the median.
OUTLIER_DATA = (1.0, 2.0, 3.0, 4.0, 100.0)


def best_constant(loss: str) -> float:
    """Minimize the loss of a constant prediction over a fine grid of candidates."""
    data = torch.tensor(OUTLIER_DATA, dtype=torch.float64)
    candidates = torch.arange(0, 10001, dtype=torch.float64) / 100
    errors = candidates[:, None] - data[None, :]
    losses = errors.abs().mean(1) if loss == "l1" else (errors**2).mean(1)
    return candidates[losses.argmin()].item()


BEST_CONSTANT_MSE = best_constant("mse")
BEST_CONSTANT_L1 = best_constant("l1")
OUTLIER_MEAN = sum(OUTLIER_DATA) / len(OUTLIER_DATA)
OUTLIER_MEDIAN = sorted(OUTLIER_DATA)[len(OUTLIER_DATA) // 2]

WIDTH = 2.0
SMALL_RESIDUAL = 0.5
LARGE_RESIDUAL = 3.0
SMOOTH_SMALL = loss_at("smooth_l1", SMALL_RESIDUAL, WIDTH)
HUBER_SMALL = loss_at("huber", SMALL_RESIDUAL, WIDTH)
SMOOTH_LARGE = loss_at("smooth_l1", LARGE_RESIDUAL, WIDTH)
HUBER_LARGE = loss_at("huber", LARGE_RESIDUAL, WIDTH)
SMOOTH_GRAD_LARGE = gradient_at("smooth_l1", LARGE_RESIDUAL, WIDTH)
HUBER_GRAD_LARGE = gradient_at("huber", LARGE_RESIDUAL, WIDTH)
HUBER_OVER_SMOOTH = HUBER_LARGE / SMOOTH_LARGE

GAUSSIAN_SIGMA = 2.0


def mse_gradient_ratio(shape: tuple[int, ...]) -> float:
    """How much smaller reduction='mean' makes the gradient than reduction='sum'."""
    generator = torch.Generator().manual_seed(0)
    prediction = torch.randn(shape, generator=generator, dtype=torch.float64)
    target = torch.randn(shape, generator=generator, dtype=torch.float64)
    grads = []
    for reduction in ("sum", "mean"):
        p = prediction.clone().requires_grad_()
        (grad,) = torch.autograd.grad(F.mse_loss(p, target, reduction=reduction), p)
        grads.append(grad)
    return (grads[0] / grads[1]).mean().item()


MSE_GRAD_RATIO_4X3 = mse_gradient_ratio((4, 3))


def broadcast_mse() -> tuple[float, int, bool]:
    """(N, 1) prediction against an (N,) target: the loss, the element count, whether it warned."""
    prediction = torch.arange(4.0).reshape(4, 1)
    target = torch.arange(4.0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        loss = nn.MSELoss()(prediction, target)
    warned = any("different to the input size" in str(w.message) for w in caught)
    return loss.item(), (prediction - target).numel(), warned


BROADCAST_MSE, BROADCAST_ELEMENTS, BROADCAST_WARNS = broadcast_mse()


if __name__ == "__main__":
    # --8<-- [start:demo_l1_mse]
    prediction = torch.tensor([2.5, 0.0, 2.0, 8.0])
    target = torch.tensor([3.0, -0.5, 2.0, 7.0])

    print(l1_loss(prediction, target).item(), nn.L1Loss()(prediction, target).item())
    print(mse_loss(prediction, target).item(), nn.MSELoss()(prediction, target).item())

    p = prediction.clone().requires_grad_()
    nn.L1Loss()(p, target).backward()
    print(p.grad)  # (1)!
    p.grad = None
    nn.MSELoss()(p, target).backward()
    print(p.grad)  # (2)!
    # --8<-- [end:demo_l1_mse]

    # --8<-- [start:demo_outlier]
    data = torch.tensor([1.0, 2.0, 3.0, 4.0, 100.0])
    for c in (data.mean(), data.median()):
        guess = torch.full_like(data, c.item())
        mse = nn.MSELoss()(guess, data).item()
        mae = nn.L1Loss()(guess, data).item()
        print(f"c = {c.item():5.1f}   MSE {mse:8.2f}   L1 {mae:6.2f}")
    # --8<-- [end:demo_outlier]

    # --8<-- [start:demo_gaussian]
    prediction = torch.tensor([2.5, 0.0, 2.0, 8.0], dtype=torch.float64)
    target = torch.tensor([3.0, -0.5, 2.0, 7.0], dtype=torch.float64)
    sigma = 2.0

    normal = torch.distributions.Normal(prediction, sigma)
    print(torch.allclose(gaussian_nll(prediction, target, sigma), -normal.log_prob(target).mean()))

    variance = torch.full_like(prediction, sigma**2)
    torch_nll = nn.GaussianNLLLoss(full=True)(prediction, target, variance)  # (1)!
    print(torch.allclose(gaussian_nll(prediction, target, sigma), torch_nll))

    constant = 0.5 * math.log(2 * math.pi * sigma**2)
    mse = nn.MSELoss()(prediction, target)
    print(torch.allclose(torch_nll, mse / (2 * sigma**2) + constant))  # (2)!
    # --8<-- [end:demo_gaussian]

    # --8<-- [start:demo_smooth]
    prediction = torch.tensor([0.5, 3.0])
    target = torch.zeros(2)
    for width in (1.0, 2.0):
        smooth = F.smooth_l1_loss(prediction, target, beta=width, reduction="none")
        huber = F.huber_loss(prediction, target, delta=width, reduction="none")
        print(f"beta = delta = {width}: smooth_l1 {smooth.tolist()}  huber {huber.tolist()}")

    print(
        torch.allclose(
            smooth_l1_loss(prediction, target, 2.0), nn.SmoothL1Loss(beta=2.0)(prediction, target)
        )
    )
    print(
        torch.allclose(
            huber_loss(prediction, target, 2.0), nn.HuberLoss(delta=2.0)(prediction, target)
        )
    )
    print(
        torch.allclose(
            F.huber_loss(prediction, target, delta=2.0),
            2.0 * F.smooth_l1_loss(prediction, target, beta=2.0),
        )
    )  # (1)!
    # --8<-- [end:demo_smooth]

    # --8<-- [start:demo_reduction]
    prediction = torch.zeros(4, 3, requires_grad=True)
    target = torch.ones(4, 3)

    for reduction in ("sum", "mean"):
        loss = F.mse_loss(prediction, target, reduction=reduction)
        (grad,) = torch.autograd.grad(loss, prediction)
        print(f"{reduction:4}  loss {loss.item():5.2f}  grad[0, 0] {grad[0, 0].item():.4f}")

    print(F.mse_loss(prediction, target, reduction="none").shape)
    # --8<-- [end:demo_reduction]

    # --8<-- [start:demo_broadcast]
    prediction = torch.arange(4.0).reshape(4, 1)  # (1)!
    target = torch.arange(4.0)
    print(nn.MSELoss()(prediction, target))  # (2)!
    print(nn.MSELoss()(prediction.squeeze(1), target))
    # --8<-- [end:demo_broadcast]
