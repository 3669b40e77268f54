"""The supervised workflow end to end: data, model, loss, optimizer, evaluation, inference."""

from __future__ import annotations

# --8<-- [start:data]
import copy

import torch
from torch import nn


def make_data(n: int = 300, flip: float = 0.2, seed: int = 0):
    """Points of [-1, 1]^2, class 1 inside r^2 < 0.5; about a share `flip` of labels flipped."""
    g = torch.Generator().manual_seed(seed)
    x = torch.rand(n, 2, generator=g, dtype=torch.float64) * 2 - 1
    y = (x.pow(2).sum(dim=1) < 0.5).long()
    flipped = torch.rand(n, generator=g) < flip
    return x, torch.where(flipped, 1 - y, y)


def split(x, y, sizes=(100, 100, 100), seed: int = 0):
    """Shuffle once, then cut into training, validation and test sets."""
    order = torch.randperm(len(x), generator=torch.Generator().manual_seed(seed))
    parts, start = [], 0
    for size in sizes:
        idx = order[start : start + size]
        parts.append((x[idx], y[idx]))
        start += size
    return parts


# --8<-- [end:data]


# --8<-- [start:model]
def make_model(width: int = 64, seed: int = 0) -> nn.Module:
    torch.manual_seed(seed)
    return nn.Sequential(
        nn.Linear(2, width), nn.ReLU(), nn.Linear(width, width), nn.ReLU(), nn.Linear(width, 2)
    ).double()


# --8<-- [end:model]


# --8<-- [start:train]
def evaluate(model, x, y, loss_fn):
    model.eval()
    with torch.no_grad():
        logits = model(x)
        return loss_fn(logits, y).item(), (logits.argmax(dim=1) == y).double().mean().item()


def train(model, train_set, val_set, epochs: int = 500, lr: float = 0.003):
    loss_fn = nn.CrossEntropyLoss()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    history = {"train": [], "val": []}
    best = {"val": float("inf")}
    for epoch in range(epochs):
        model.train()
        loss = loss_fn(model(train_set[0]), train_set[1])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        train_loss, _ = evaluate(model, *train_set, loss_fn)
        val_loss, _ = evaluate(model, *val_set, loss_fn)
        history["train"].append(train_loss)
        history["val"].append(val_loss)
        if val_loss < best["val"]:  # keep the weights with the lowest validation loss
            best = {"val": val_loss, "epoch": epoch, "state": copy.deepcopy(model.state_dict())}
    return history, best


# --8<-- [end:train]


# --8<-- [start:predict]
def predict(model: nn.Module, x: torch.Tensor) -> torch.Tensor:
    """Inference: evaluation mode, no graph, the most likely class."""
    model.eval()
    with torch.inference_mode():
        return model(x).argmax(dim=1)


# --8<-- [end:predict]


_RUN: dict = {}


def run() -> dict:
    """The page's run (computed once): histories, the best epoch, losses and accuracies."""
    if _RUN:
        return _RUN
    x, y = make_data()
    train_set, val_set, test_set = split(x, y)
    model = make_model()
    history, best = train(model, train_set, val_set)
    last_state = copy.deepcopy(model.state_dict())
    loss_fn = nn.CrossEntropyLoss()
    last = [evaluate(model, *part, loss_fn) for part in (train_set, val_set, test_set)]
    model.load_state_dict(best["state"])
    at_best = [evaluate(model, *part, loss_fn) for part in (train_set, val_set, test_set)]
    _RUN.update(history=history, best=best, last=last, at_best=at_best, last_state=last_state)
    return _RUN


def best_epoch() -> int:
    return run()["best"]["epoch"]


def last_train_accuracy() -> float:
    return run()["last"][0][1]


def last_val_accuracy() -> float:
    return run()["last"][1][1]


def best_val_accuracy() -> float:
    return run()["at_best"][1][1]


def best_test_accuracy() -> float:
    return run()["at_best"][2][1]


def last_train_loss() -> float:
    return run()["last"][0][0]


def last_val_loss() -> float:
    return run()["last"][1][0]


def best_val_loss() -> float:
    return run()["best"]["val"]


def flipped_share_in_data() -> float:
    """Share of labels that disagree with the circle (the noise actually drawn)."""
    x, y = make_data()
    clean = (x.pow(2).sum(dim=1) < 0.5).long()
    return (y != clean).double().mean().item()


LEARNING_RATE = train.__defaults__[1]
MODEL_PARAMETERS = sum(p.numel() for p in make_model().parameters())


if __name__ == "__main__":
    # --8<-- [start:data_demo]
    x, y = make_data()
    train_set, val_set, test_set = split(x, y)
    print([len(part[0]) for part in (train_set, val_set, test_set)])
    # --8<-- [end:data_demo]

    # --8<-- [start:model_demo]
    model = make_model()
    print(sum(p.numel() for p in model.parameters()))
    # --8<-- [end:model_demo]

    # --8<-- [start:train_demo]
    history, best = train(model, train_set, val_set)  # (1)!
    loss_fn = nn.CrossEntropyLoss()
    train_accuracy = evaluate(model, *train_set, loss_fn)[1]
    val_accuracy = evaluate(model, *val_set, loss_fn)[1]
    print("after 500 epochs, train accuracy > validation accuracy + 0.2:",
          train_accuracy > val_accuracy + 0.2)  # fmt: skip
    print("lowest validation loss at epoch", best["epoch"])
    # --8<-- [end:train_demo]

    # --8<-- [start:test_demo]
    model.load_state_dict(best["state"])  # (1)!
    for name, part in [("validation", val_set), ("test", test_set)]:
        loss, acc = evaluate(model, *part, loss_fn)
        print(f"best epoch, {name:10s}: loss {loss:.3f}, accuracy {acc:.2f}")
    # --8<-- [end:test_demo]

    # --8<-- [start:predict_demo]
    new_points = torch.tensor([[0.0, 0.0], [0.9, 0.9], [0.3, -0.4]], dtype=torch.float64)
    print(predict(model, new_points))
    # --8<-- [end:predict_demo]
