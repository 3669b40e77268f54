"""Cross-entropy and KL divergence of discrete distributions, and what minimizing each does."""

from __future__ import annotations

# --8<-- [start:cross_entropy]
import math

import torch
import torch.nn.functional as F
from torch.distributions import Categorical, kl_divergence


def cross_entropy(p: torch.Tensor, q: torch.Tensor, base: float = 2.0) -> torch.Tensor:
    """H(p, q) = sum p log(1 / q); terms with p = 0 count as 0."""
    return torch.xlogy(p, 1 / q).sum(dim=-1) / math.log(base)


# --8<-- [end:cross_entropy]


# --8<-- [start:kl]
def kl(p: torch.Tensor, q: torch.Tensor, base: float = 2.0) -> torch.Tensor:
    """KL(p || q) = sum p (log p - log q); infinite where q = 0 but p > 0."""
    return (torch.xlogy(p, p) - torch.xlogy(p, q)).sum(dim=-1) / math.log(base)


# --8<-- [end:kl]


# --8<-- [start:minimize]
def minimize_cross_entropy(p: torch.Tensor, steps: int = 500) -> torch.Tensor:
    """Gradient descent on the logits of q to minimize H(p, q); returns q."""
    logits = torch.zeros_like(p, requires_grad=True)
    optimizer = torch.optim.SGD([logits], lr=1.0)
    for _ in range(steps):
        optimizer.zero_grad()
        cross_entropy(p, logits.softmax(dim=-1)).backward()
        optimizer.step()
    return logits.detach().softmax(dim=-1)


# --8<-- [end:minimize]


def bernoulli(theta: torch.Tensor) -> torch.Tensor:
    """The distribution [theta, 1 - theta] over {heads, tails}."""
    return torch.stack([theta, 1 - theta], dim=-1)


# Forward vs reverse KL: fit one Gaussian q to a two-peaked mixture p on a fine grid.
GRID = torch.linspace(-10.0, 10.0, 2001, dtype=torch.float64)
GRID_STEP = (GRID[1] - GRID[0]).item()
PEAKS = (-2.0, 2.0)
PEAK_STD = 0.6


def normal_log_density(x: torch.Tensor, mean: torch.Tensor, std: torch.Tensor) -> torch.Tensor:
    return -0.5 * ((x - mean) / std) ** 2 - torch.log(std) - 0.5 * math.log(2 * math.pi)


def bimodal_log_density(x: torch.Tensor) -> torch.Tensor:
    """log of the equal mixture of N(-2, 0.6^2) and N(2, 0.6^2)."""
    std = torch.tensor(PEAK_STD, dtype=x.dtype)
    parts = [normal_log_density(x, torch.tensor(m, dtype=x.dtype), std) for m in PEAKS]
    return torch.logsumexp(torch.stack(parts), dim=0) - math.log(len(PEAKS))


def continuous_kl(log_p: torch.Tensor, log_q: torch.Tensor) -> torch.Tensor:
    """KL(p || q) in nats as a Riemann sum of p (log p - log q) over GRID."""
    return (log_p.exp() * (log_p - log_q)).sum() * GRID_STEP


def fit_gaussian(direction: str, start_mean: float = 1.0, steps: int = 1000) -> tuple[float, float]:
    """Mean and std of the Gaussian q minimizing KL(p || q) ("forward") or KL(q || p).

    Adam starts from N(start_mean, 1); the reverse fit settles on the peak on that side.
    """
    mean = torch.tensor(start_mean, dtype=torch.float64, requires_grad=True)
    log_std = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.Adam([mean, log_std], lr=0.02)
    log_p = bimodal_log_density(GRID)
    forward = direction == "forward"
    for _ in range(steps):
        optimizer.zero_grad()
        log_q = normal_log_density(GRID, mean, log_std.exp())
        loss = continuous_kl(log_p, log_q) if forward else continuous_kl(log_q, log_p)
        loss.backward()
        optimizer.step()
    return mean.item(), log_std.exp().item()


P = torch.tensor([0.5, 0.25, 0.25])
Q = torch.tensor([0.25, 0.5, 0.25])
COIN = torch.tensor([0.9, 0.1])
FAIR = torch.tensor([0.5, 0.5])

ENTROPY_P_BITS = cross_entropy(P, P).item()
CROSS_ENTROPY_BITS = cross_entropy(P, Q).item()
KL_PQ_BITS = kl(P, Q).item()
KL_QP_BITS = kl(Q, P).item()
P_SHIFT = torch.tensor([0.5, 0.3, 0.2])
KL_SHIFT_PQ_BITS = kl(P_SHIFT, P_SHIFT.roll(1)).item()
KL_SHIFT_QP_BITS = kl(P_SHIFT.roll(1), P_SHIFT).item()
ENTROPY_P_NATS = cross_entropy(P, P, base=math.e).item()
CROSS_ENTROPY_NATS = cross_entropy(P, Q, base=math.e).item()
KL_PQ_NATS = kl(P, Q, base=math.e).item()
KL_COIN_FAIR_BITS = kl(COIN, FAIR).item()
KL_FAIR_COIN_BITS = kl(FAIR, COIN).item()
KL_DIV_SWAPPED_NATS = F.kl_div(P, Q, reduction="sum").item()
UNIFORM_GUESS_LOSS_NATS = cross_entropy(
    F.one_hot(torch.tensor(3), 10).float(), torch.full((10,), 0.1), base=math.e
).item()
MIXTURE_STD = math.sqrt(PEAK_STD**2 + sum(m**2 for m in PEAKS) / len(PEAKS))


def forward_fit_mean() -> float:
    return fit_gaussian("forward")[0]


def forward_fit_std() -> float:
    return fit_gaussian("forward")[1]


def reverse_fit_mean() -> float:
    return fit_gaussian("reverse")[0]


def reverse_fit_std() -> float:
    return fit_gaussian("reverse")[1]


if __name__ == "__main__":
    # --8<-- [start:decomposition_demo]
    p = torch.tensor([0.5, 0.25, 0.25])
    q = torch.tensor([0.25, 0.5, 0.25])
    h_p, h_pq, kl_pq = cross_entropy(p, p), cross_entropy(p, q), kl(p, q)  # (1)!
    print(f"H(p) = {h_p:.4f}  H(p, q) = {h_pq:.4f}  KL(p || q) = {kl_pq:.4f}  bits")
    print(torch.isclose(h_pq, h_p + kl_pq))
    # --8<-- [end:decomposition_demo]

    # --8<-- [start:torch_demo]
    print(cross_entropy(p, q, base=math.e), kl(p, q, base=math.e))  # (1)!
    print(F.cross_entropy(q.log(), p))  # (2)!
    print(kl_divergence(Categorical(probs=p), Categorical(probs=q)))
    print(F.kl_div(q.log(), p, reduction="sum"))  # (3)!
    print(F.kl_div(p, q, reduction="sum"))  # (4)!
    # --8<-- [end:torch_demo]

    # --8<-- [start:asymmetry_demo]
    print(kl(p, q), kl(q, p))  # (1)!
    coin, fair = torch.tensor([0.9, 0.1]), torch.tensor([0.5, 0.5])
    print(kl(coin, fair), kl(fair, coin))
    # --8<-- [end:asymmetry_demo]

    # --8<-- [start:minimize_demo]
    q_fit = minimize_cross_entropy(p)
    print(q_fit)
    print(cross_entropy(p, q_fit), kl(p, q_fit))  # (1)!
    # --8<-- [end:minimize_demo]
