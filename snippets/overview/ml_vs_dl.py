"""The curse of dimensionality, computed: empty corners, far neighbors, wide neighborhoods."""

from __future__ import annotations

# --8<-- [start:ball]
import math

import torch


def ball_fraction_exact(d: int) -> float:
    """Share of the cube [-1, 1]^d inside its ball: pi^(d/2) / Gamma(d/2 + 1) / 2^d."""
    log_volume = (d / 2) * math.log(math.pi) - math.lgamma(d / 2 + 1)
    return math.exp(log_volume - d * math.log(2))


def ball_fraction_sampled(d: int, n: int = 100_000, seed: int = 0) -> float:
    """The same share, counted: how many uniform points of the cube fall inside the ball."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, d, generator=g, dtype=torch.float64) * 2 - 1
    return (x.pow(2).sum(dim=1) <= 1).double().mean().item()


# --8<-- [end:ball]


# --8<-- [start:contrast]
def nearest_over_farthest(d: int, n: int = 1000, queries: int = 10, seed: int = 0) -> float:
    """Nearest / farthest distance from a random query to n random points of [0, 1]^d,
    averaged over several queries."""
    g = torch.Generator().manual_seed(seed)
    points = torch.rand(n, d, generator=g, dtype=torch.float64)
    ratios = []
    for _ in range(queries):
        query = torch.rand(d, generator=g, dtype=torch.float64)
        dist = (points - query).pow(2).sum(dim=1).sqrt()
        ratios.append((dist.min() / dist.max()).item())
    return sum(ratios) / len(ratios)


# --8<-- [end:contrast]


# --8<-- [start:edge]
def edge_for_share(share: float, d: int) -> float:
    """Edge of the sub-cube of [0, 1]^d that holds `share` of uniformly spread data."""
    return share ** (1 / d)


def cells_for_bins(bins: int, d: int) -> int:
    """Cells of a grid with `bins` intervals along each of d axes."""
    return bins**d


# --8<-- [end:edge]

DIMENSIONS = (1, 2, 3, 5, 10, 20)
CONTRAST_DIMENSIONS = (2, 10, 100, 1000)

BALL_2D = ball_fraction_exact(2)
BALL_3D = ball_fraction_exact(3)
BALL_10D = ball_fraction_exact(10)
BALL_20D = ball_fraction_exact(20)
EDGE_1PCT_10D = edge_for_share(0.01, 10)
EDGE_1PCT_100D = edge_for_share(0.01, 100)
CELLS_10_BINS_6D = cells_for_bins(10, 6)


def ratio_2d() -> float:
    return nearest_over_farthest(2)


def ratio_1000d() -> float:
    return nearest_over_farthest(1000)


def inside_count_10d() -> int:
    return round(ball_fraction_sampled(10) * 100_000)


def inside_count_20d() -> int:
    return round(ball_fraction_sampled(20) * 100_000)


if __name__ == "__main__":
    # --8<-- [start:ball_demo]
    for d in (2, 3, 5, 10, 20):
        inside = round(ball_fraction_sampled(d) * 100_000)
        print(f"d = {d:2d}: exact {ball_fraction_exact(d):.3g}, inside {inside} of 100000")
    # --8<-- [end:ball_demo]

    # --8<-- [start:contrast_demo]
    for d in (2, 10, 100, 1000):
        print(f"d = {d:4d}: nearest / farthest = {nearest_over_farthest(d):.2f}")
    # --8<-- [end:contrast_demo]

    # --8<-- [start:edge_demo]
    for d in (1, 2, 10, 100):
        print(f"d = {d:3d}: edge {edge_for_share(0.01, d):.3f}, cells {cells_for_bins(10, d):.0e}")
    # --8<-- [end:edge_demo]
