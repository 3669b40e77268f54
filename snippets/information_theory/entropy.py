"""Information content and entropy of discrete distributions, in bits or nats."""

from __future__ import annotations

# --8<-- [start:information]
import math

import torch
from torch.distributions import Categorical


def information_content(p: torch.Tensor, base: float = 2.0) -> torch.Tensor:
    """I(x) = -log p(x) = log(1 / p(x)), in bits for base 2."""
    return torch.log(1 / p) / math.log(base)


# --8<-- [end:information]


# --8<-- [start:entropy]
def entropy(p: torch.Tensor, base: float = 2.0) -> torch.Tensor:
    """H(p) = sum p log(1/p) over the last dim; terms with p = 0 give 0."""
    return torch.xlogy(p, 1 / p).sum(dim=-1) / math.log(base)


# --8<-- [end:entropy]


# --8<-- [start:zero]
def entropy_naive(p: torch.Tensor) -> torch.Tensor:
    """The formula as written: nan as soon as some p is 0."""
    return (p * information_content(p)).sum(dim=-1)


def entropy_masked(p: torch.Tensor) -> torch.Tensor:
    """Entropy in bits of one distribution, summing only where p > 0."""
    nonzero = p[p > 0]
    return (nonzero * information_content(nonzero)).sum()


# --8<-- [end:zero]


def binary_entropy(p: torch.Tensor) -> torch.Tensor:
    """H of a coin that lands heads with probability p, in bits."""
    return entropy(torch.stack([p, 1 - p], dim=-1))


def uniform_entropy_bits(outcomes: int) -> float:
    return entropy(torch.full((outcomes,), 1 / outcomes)).item()


def normal_entropy_nats(std: float) -> float:
    """Differential entropy of N(0, std^2): 0.5 ln(2 pi e std^2), negative for small std."""
    return 0.5 * math.log(2 * math.pi * math.e * std**2)


def beta_2_2_entropy_nats() -> float:
    """Differential entropy of Beta(2, 2) on [0, 1]: 5/3 - ln 6, below the uniform's 0."""
    return 5 / 3 - math.log(6)


BITS_PER_NAT = 1 / math.log(2)
NATS_PER_BIT = math.log(2)

SURPRISE_HALF_BITS = information_content(torch.tensor(0.5)).item()
SURPRISE_EIGHTH_BITS = information_content(torch.tensor(0.125)).item()
SURPRISE_ONE_PERCENT_BITS = information_content(torch.tensor(0.01)).item()
SURPRISE_NINETY_PERCENT_BITS = information_content(torch.tensor(0.9)).item()

FAIR_COIN_BITS = entropy(torch.tensor([0.5, 0.5])).item()
FAIR_COIN_NATS = entropy(torch.tensor([0.5, 0.5]), base=math.e).item()
BIASED_COIN_BITS = entropy(torch.tensor([0.9, 0.1])).item()
BIASED_COIN_NATS = entropy(torch.tensor([0.9, 0.1]), base=math.e).item()
FAIR_DIE_BITS = uniform_entropy_bits(8)
CERTAIN_BITS = entropy(torch.tensor([1.0, 0.0])).item()
NORMAL_SMALL_STD_NATS = normal_entropy_nats(0.1)
BETA_2_2_NATS = beta_2_2_entropy_nats()


if __name__ == "__main__":
    # --8<-- [start:information_demo]
    p = torch.tensor([1.0, 0.5, 0.125, 0.01])
    print(information_content(p))
    # --8<-- [end:information_demo]

    # --8<-- [start:entropy_demo]
    coins = torch.tensor([[0.5, 0.5], [0.9, 0.1]])
    die = torch.full((8,), 1 / 8)
    print(entropy(coins))  # (1)!
    print(entropy(die))  # (2)!
    # --8<-- [end:entropy_demo]

    # --8<-- [start:nats_demo]
    nats = Categorical(probs=coins).entropy()  # (1)!
    print(nats)
    print(nats / math.log(2))  # (2)!
    print(entropy(coins, base=math.e))
    # --8<-- [end:nats_demo]

    # --8<-- [start:zero_demo]
    certain = torch.tensor([1.0, 0.0])
    print(entropy_naive(certain))  # (1)!
    print(entropy_masked(certain))
    print(entropy(certain))  # (2)!
    # --8<-- [end:zero_demo]
