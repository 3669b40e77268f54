"""Batch normalization and layer normalization by hand, matched against torch.nn."""

from __future__ import annotations

# --8<-- [start:batch_norm]
import torch


class BatchNorm1d:
    """y = gamma * (x - mean) / sqrt(var + eps) + beta, per feature over the batch."""

    def __init__(self, num_features: int, momentum: float = 0.1, eps: float = 1e-5) -> None:
        self.gamma = torch.ones(num_features)
        self.beta = torch.zeros(num_features)
        self.running_mean = torch.zeros(num_features)
        self.running_var = torch.ones(num_features)
        self.momentum, self.eps = momentum, eps
        self.training = True

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        if self.training:
            mean = x.mean(dim=0)
            var = x.var(dim=0, unbiased=False)  # (1)!
            m, n = self.momentum, x.shape[0]
            self.running_mean = (1 - m) * self.running_mean + m * mean
            self.running_var = (1 - m) * self.running_var + m * var * n / (n - 1)  # (2)!
        else:
            mean, var = self.running_mean, self.running_var  # (3)!
        return self.gamma * (x - mean) / torch.sqrt(var + self.eps) + self.beta


# --8<-- [end:batch_norm]


# --8<-- [start:layer_norm]
def layer_norm(
    x: torch.Tensor, gamma: torch.Tensor, beta: torch.Tensor, eps: float = 1e-5
) -> torch.Tensor:
    """Normalize each sample over its features: statistics along the last dimension."""
    mean = x.mean(dim=-1, keepdim=True)
    var = x.var(dim=-1, unbiased=False, keepdim=True)
    return gamma * (x - mean) / torch.sqrt(var + eps) + beta


# --8<-- [end:layer_norm]

EXAMPLE_BATCH = ((1.0, 2.0), (3.0, 6.0), (5.0, 10.0), (7.0, 2.0))


def example_running_stats() -> tuple[list[float], list[float]]:
    bn = torch.nn.BatchNorm1d(2)
    bn(torch.tensor(EXAMPLE_BATCH))
    return bn.running_mean.tolist(), bn.running_var.tolist()


(RUNNING_MEAN_0, RUNNING_MEAN_1), (RUNNING_VAR_0, RUNNING_VAR_1) = example_running_stats()
BATCH_MEAN_0, BATCH_MEAN_1 = torch.tensor(EXAMPLE_BATCH).mean(dim=0).tolist()
BATCH_VAR_0, BATCH_VAR_1 = torch.tensor(EXAMPLE_BATCH).var(dim=0, unbiased=False).tolist()
UNBIASED_VAR_0, UNBIASED_VAR_1 = torch.tensor(EXAMPLE_BATCH).var(dim=0).tolist()


BN_DEFAULT_MOMENTUM = torch.nn.BatchNorm1d(1).momentum


def single_sample_error() -> str:
    """What nn.BatchNorm1d says when it gets one sample in training mode."""
    try:
        torch.nn.BatchNorm1d(2)(torch.ones(1, 2))
    except ValueError as error:
        return str(error)
    return ""


if __name__ == "__main__":
    # --8<-- [start:batch_norm_demo]
    x = torch.tensor([[1.0, 2.0], [3.0, 6.0], [5.0, 10.0], [7.0, 2.0]])
    ours, theirs = BatchNorm1d(2), torch.nn.BatchNorm1d(2)
    print(torch.allclose(ours(x), theirs(x)))  # (4)!
    print(ours.running_mean, theirs.running_mean)
    print(ours.running_var, theirs.running_var)
    # --8<-- [end:batch_norm_demo]

    # --8<-- [start:batch_norm_eval]
    ours.training = False
    theirs.eval()
    test = torch.tensor([[4.0, 5.0]])
    with torch.no_grad():
        print(ours(test), theirs(test))  # (1)!
    # --8<-- [end:batch_norm_eval]

    # --8<-- [start:layer_norm_demo]
    z = torch.tensor([[1.0, 2.0, 3.0], [10.0, 20.0, 60.0]])
    ln = torch.nn.LayerNorm(3)
    with torch.no_grad():
        print(torch.allclose(layer_norm(z, ln.weight, ln.bias), ln(z)))
        print(layer_norm(z, ln.weight, ln.bias).round(decimals=4))  # (1)!
    # --8<-- [end:layer_norm_demo]
