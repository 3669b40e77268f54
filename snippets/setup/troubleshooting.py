"""Out of GPU memory: what training memory is made of, and gradient accumulation."""

from __future__ import annotations

# --8<-- [start:accumulate]
import torch
from torch import nn


def full_batch_gradient(model: nn.Linear, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    model.zero_grad()
    nn.functional.mse_loss(model(x), y).backward()
    return model.weight.grad.clone()


def accumulated_gradient(
    model: nn.Linear, x: torch.Tensor, y: torch.Tensor, steps: int
) -> torch.Tensor:
    """The same gradient, from `steps` equal micro-batches that fit in memory one at a time."""
    model.zero_grad()
    for x_part, y_part in zip(x.chunk(steps), y.chunk(steps), strict=True):
        loss = nn.functional.mse_loss(model(x_part), y_part) / steps  # (1)!
        loss.backward()  # (2)!
    return model.weight.grad.clone()


# --8<-- [end:accumulate]


# --8<-- [start:memory]
def adam_training_memory_gb(parameters: int, bytes_per_value: int = 4) -> float:
    """Weights + gradients + Adam's two moment buffers, in GB (10^9 bytes).

    Activations come on top and grow with the batch size.
    """
    return 4 * parameters * bytes_per_value / 1e9


# --8<-- [end:memory]

EXAMPLE_PARAMETERS = 100_000_000
EXAMPLE_MEMORY_GB = adam_training_memory_gb(EXAMPLE_PARAMETERS)

if __name__ == "__main__":
    # --8<-- [start:memory-demo]
    print(adam_training_memory_gb(100_000_000))
    # --8<-- [end:memory-demo]

    # --8<-- [start:accumulate-demo]
    torch.manual_seed(0)
    model = nn.Linear(4, 1)
    x, y = torch.randn(32, 4), torch.randn(32, 1)
    big = full_batch_gradient(model, x, y)
    small = accumulated_gradient(model, x, y, steps=4)
    print(torch.allclose(big, small, atol=1e-6))
    # --8<-- [end:accumulate-demo]
