"""Likelihood of a Bernoulli parameter, its maximum, and binary cross-entropy as its -log."""

from __future__ import annotations

# --8<-- [start:likelihood]
import torch
import torch.nn.functional as F
from torch import nn

WHITE, BLACK = 7, 3  # the draws: 7 white balls (1) and 3 black balls (0)


def likelihood(theta: torch.Tensor) -> torch.Tensor:
    """L(theta) = theta^7 (1 - theta)^3: probability of the draws if P(white) = theta."""
    return theta**WHITE * (1 - theta) ** BLACK


def log_likelihood(theta: torch.Tensor) -> torch.Tensor:
    """log L(theta) = 7 log(theta) + 3 log(1 - theta)."""
    return WHITE * torch.log(theta) + BLACK * torch.log(1 - theta)


# --8<-- [end:likelihood]


# --8<-- [start:derivative]
def log_likelihood_derivative(theta: torch.Tensor) -> torch.Tensor:
    """d log L / d theta = 7 / theta - 3 / (1 - theta)."""
    return WHITE / theta - BLACK / (1 - theta)


def mle_closed_form() -> float:
    """Zero of the derivative: theta = 7 / (7 + 3)."""
    return WHITE / (WHITE + BLACK)


# --8<-- [end:derivative]


# --8<-- [start:numeric]
def mle_by_gradient_ascent(steps: int = 200, lr: float = 0.01) -> float:
    """Climb log L(theta) from theta = 0.5, with the gradient from autograd."""
    theta = torch.tensor(0.5, requires_grad=True)
    for _ in range(steps):
        log_likelihood(theta).backward()
        with torch.no_grad():
            theta += lr * theta.grad  # (1)!
        theta.grad.zero_()
    return theta.item()


def mle_by_grid(points: int = 10_001) -> float:
    """The theta of largest likelihood on an even grid over [0, 1]."""
    thetas = torch.linspace(0, 1, points, dtype=torch.float64)
    return thetas[likelihood(thetas).argmax()].item()


# --8<-- [end:numeric]


# --8<-- [start:bce]
def binary_cross_entropy(p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """-mean[y log p + (1 - y) log(1 - p)]."""
    return -(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()


def draws() -> torch.Tensor:
    """The 10 draws as targets: 1 for white, 0 for black."""
    return torch.cat([torch.ones(WHITE), torch.zeros(BLACK)])


def average_nll(theta: torch.Tensor) -> torch.Tensor:
    """Negative log-likelihood of the draws, per draw."""
    return -log_likelihood(theta) / (WHITE + BLACK)


# --8<-- [end:bce]


# --8<-- [start:logits]
def bce_with_logits_by_hand(z: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """BCE of sigmoid(z) rewritten on the logit: softplus(z) - y z, never log(0)."""
    return F.softplus(z) - y * z


def logit_gradient(z: torch.Tensor, y: torch.Tensor, on_logits: bool) -> torch.Tensor:
    """d(summed BCE)/dz, through BCEWithLogitsLoss or through sigmoid + BCELoss."""
    z = z.clone().requires_grad_(True)
    if on_logits:
        loss = nn.BCEWithLogitsLoss(reduction="sum")(z, y)
    else:
        loss = nn.BCELoss(reduction="sum")(torch.sigmoid(z), y)
    loss.backward()
    return z.grad


# --8<-- [end:logits]


def likelihood_integral(points: int = 100_001) -> float:
    """Area under L(theta) over [0, 1] (trapezoid rule); exactly 7! 3! / 11! = 1 / 1320."""
    thetas = torch.linspace(0, 1, points, dtype=torch.float64)
    return torch.trapezoid(likelihood(thetas), thetas).item()


def first_logit_where_sigmoid_is_one(step: float = 0.01) -> float:
    """Smallest z on a grid of this step where float32 sigmoid(z) rounds to exactly 1."""
    z = torch.arange(0, 40, step)
    return z[torch.sigmoid(z) == 1].min().item()


MLE_THETA = mle_by_gradient_ascent()
MLE_GRID = mle_by_grid()
MAX_LIKELIHOOD = likelihood(torch.tensor(mle_closed_form(), dtype=torch.float64)).item()
HALF_LIKELIHOOD = likelihood(torch.tensor(0.5, dtype=torch.float64)).item()
MIN_AVERAGE_NLL = average_nll(torch.tensor(mle_closed_form(), dtype=torch.float64)).item()
LIKELIHOOD_AREA_RECIPROCAL = round(1 / likelihood_integral())
BCE_CLAMPED_LOSS = F.binary_cross_entropy(torch.tensor(1.0), torch.tensor(0.0)).item()
SIGMOID_IS_ONE_FROM = first_logit_where_sigmoid_is_one()


if __name__ == "__main__":
    # --8<-- [start:likelihood_demo]
    for theta in (0.3, 0.5, 0.7, 0.9):
        print(f"L({theta}) = {likelihood(torch.tensor(theta)).item():.6f}")
    # --8<-- [end:likelihood_demo]

    # --8<-- [start:derivative_demo]
    theta = torch.tensor(0.6, requires_grad=True)
    log_likelihood(theta).backward()
    torch.testing.assert_close(theta.grad, log_likelihood_derivative(theta.detach()))  # (1)!
    print(mle_closed_form())
    # --8<-- [end:derivative_demo]

    # --8<-- [start:numeric_demo]
    print(f"{mle_by_gradient_ascent():.4f}")
    print(f"{mle_by_grid():.4f}")
    # --8<-- [end:numeric_demo]

    # --8<-- [start:bce_demo]
    y = draws()
    for theta in (0.5, 0.7):
        p = torch.full((10,), theta)  # (1)!
        ours = binary_cross_entropy(p, y)
        torch.testing.assert_close(average_nll(torch.tensor(theta)), ours)
        torch.testing.assert_close(F.binary_cross_entropy(p, y), ours)
        torch.testing.assert_close(nn.BCELoss()(p, y), ours)
        print(f"theta = {theta}: BCE = {ours.item():.4f}")
    # --8<-- [end:bce_demo]

    # --8<-- [start:logits_demo]
    z = torch.tensor([20.0, -200.0])  # very confident, and wrong
    y = torch.tensor([0.0, 1.0])

    print(torch.sigmoid(z))  # (1)!
    print(nn.BCELoss(reduction="none")(torch.sigmoid(z), y))  # (2)!
    print(nn.BCEWithLogitsLoss(reduction="none")(z, y))
    print(bce_with_logits_by_hand(z, y))

    print(logit_gradient(z, y, on_logits=False).abs().max().item())  # (3)!
    print(logit_gradient(z, y, on_logits=True))
    # --8<-- [end:logits_demo]
