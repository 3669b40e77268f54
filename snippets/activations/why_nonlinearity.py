"""Stacked linear layers collapse into one linear layer; a non-linearity in between does not."""

from __future__ import annotations

# --8<-- [start:merge]
import torch
from torch import nn


def merge_linear_layers(first: nn.Linear, second: nn.Linear) -> nn.Linear:
    """The single layer equal to second(first(x)): W = W2 W1, b = W2 b1 + b2."""
    merged = nn.Linear(first.in_features, second.out_features)
    with torch.no_grad():
        merged.weight.copy_(second.weight @ first.weight)
        merged.bias.copy_(second.weight @ first.bias + second.bias)
    return merged


# --8<-- [end:merge]


def max_gap_after_merging(depth: int, width: int = 8, seed: int = 0) -> float:
    """Largest |difference| between a stack of `depth` linear layers and its merged layer."""
    torch.manual_seed(seed)
    layers = [nn.Linear(width, width) for _ in range(depth)]
    x = torch.randn(64, width)
    out, merged = x, layers[0]
    for layer in layers:
        out = layer(out)
    for layer in layers[1:]:
        merged = merge_linear_layers(merged, layer)
    return (out - merged(x)).abs().max().item()


if __name__ == "__main__":
    # --8<-- [start:demo]
    torch.manual_seed(0)
    first, second = nn.Linear(3, 4), nn.Linear(4, 2)
    x = torch.randn(5, 3)
    merged = merge_linear_layers(first, second)

    print(torch.allclose(second(first(x)), merged(x), atol=1e-6))  # (1)!
    print(torch.allclose(second(torch.relu(first(x))), merged(x), atol=1e-6))  # (2)!
    # --8<-- [end:demo]
