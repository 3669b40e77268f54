"""Modules: nn.Module, parameters, state_dict, nn.Sequential, counting parameters and
where the softmax goes."""

from __future__ import annotations

# --8<-- [start:imports]
import itertools
import tempfile
from pathlib import Path

import torch
from torch import nn

# --8<-- [end:imports]


# --8<-- [start:tiny_net]
class TinyNet(nn.Module):
    """3 inputs -> 3 (sigmoid) -> 2 (ReLU) -> 2 logits."""

    def __init__(self) -> None:
        super().__init__()  # (1)!
        self.hidden1 = nn.Linear(3, 3)
        self.hidden2 = nn.Linear(3, 2)
        self.out = nn.Linear(2, 2)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        h1 = torch.sigmoid(self.hidden1(x))
        h2 = torch.relu(self.hidden2(h1))
        return self.out(h2)  # (2)!


# --8<-- [end:tiny_net]


# --8<-- [start:count]
def count_by_hand(sizes: list[int]) -> int:
    """Weights plus biases of fully connected layers sizes[0] -> sizes[1] -> ..."""
    return sum(n_in * n_out + n_out for n_in, n_out in itertools.pairwise(sizes))


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


# --8<-- [end:count]


# --8<-- [start:sequential]
def tiny_sequential() -> nn.Sequential:
    return nn.Sequential(
        nn.Linear(3, 3),
        nn.Sigmoid(),
        nn.Linear(3, 2),
        nn.ReLU(),
        nn.Linear(2, 2),  # logits: no softmax here
    )


# --8<-- [end:sequential]


def layer_counts() -> list[int]:
    """Parameters per linear layer of TinyNet: weights plus biases."""
    return [layer.weight.numel() + layer.bias.numel() for layer in TinyNet().children()]


TINY_NET_SIZES = [3, 3, 2, 2]
TINY_NET_PARAMETERS = count_parameters(TinyNet())
LAYER1_PARAMETERS, LAYER2_PARAMETERS, LAYER3_PARAMETERS = layer_counts()
SEQUENTIAL_PARAMETERS = count_parameters(tiny_sequential())


def softmax_in_model_loss() -> tuple[float, float]:
    """Cross-entropy of logits (2, -1) for class 0: right, and with softmax applied twice."""
    logits = torch.tensor([[2.0, -1.0]])
    target = torch.tensor([0])
    loss_fn = nn.CrossEntropyLoss()
    return loss_fn(logits, target).item(), loss_fn(logits.softmax(dim=1), target).item()


LOSS_FROM_LOGITS, LOSS_FROM_PROBABILITIES = softmax_in_model_loss()


if __name__ == "__main__":
    # --8<-- [start:build]
    torch.manual_seed(0)
    model = TinyNet()
    print(model)  # (3)!
    x = torch.tensor([[1.0, 2.0, 3.0], [0.0, 0.0, 0.0]])  # a batch of 2 samples
    print(model(x).shape)  # (4)!
    # --8<-- [end:build]

    # --8<-- [start:hooks]
    calls = []
    handle = model.register_forward_hook(lambda module, args, output: calls.append("hook"))
    model(x)  # (1)!
    model.forward(x)  # (2)!
    print(calls)
    handle.remove()
    # --8<-- [end:hooks]

    # --8<-- [start:parameters]
    for name, p in model.named_parameters():
        print(f"{name:15s} {tuple(p.shape)!s:8s} {p.numel()}")
    print(count_by_hand([3, 3, 2, 2]), count_parameters(model))  # (1)!
    # --8<-- [end:parameters]

    # --8<-- [start:torchinfo]
    from torchinfo import summary

    stats = summary(TinyNet(), input_size=(1, 3), verbose=0)  # (1)!
    print(stats.total_params, count_parameters(TinyNet()))
    # --8<-- [end:torchinfo]

    # --8<-- [start:state_dict]
    state = model.state_dict()  # (1)!
    print(list(state))
    path = Path(tempfile.mkdtemp()) / "tiny_net.pt"  # (2)!
    torch.save(state, path)
    restored = TinyNet()  # (3)!
    print(restored.load_state_dict(torch.load(path, weights_only=True)))  # (4)!
    print(torch.equal(restored(x), model(x)))
    # --8<-- [end:state_dict]

    # --8<-- [start:sequential_demo]
    seq = tiny_sequential()
    print([name for name, _ in seq.named_parameters()])  # (1)!
    print(count_parameters(seq), seq[0])  # (2)!
    # --8<-- [end:sequential_demo]

    # --8<-- [start:softmax_in_loss]
    loss_fn = nn.CrossEntropyLoss()
    logits = torch.tensor([[2.0, -1.0]])  # one sample, two classes
    target = torch.tensor([0])
    print(loss_fn(logits, target))  # (1)!
    print(-torch.log_softmax(logits, dim=1)[0, 0])  # (2)!
    print(loss_fn(torch.softmax(logits, dim=1), target))  # (3)!
    with torch.no_grad():
        probabilities = torch.softmax(model(x), dim=1)  # (4)!
    print(torch.allclose(probabilities.sum(dim=1), torch.ones(2)))
    # --8<-- [end:softmax_in_loss]
