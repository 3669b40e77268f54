"""Linear regression end to end, three ways on the same data, with the closed form as the
reference; then validation, train()/eval(), saving and reloading; and the chapter's exercises."""

from __future__ import annotations

import functools

from snippets.lazy import computed_on_first_read

# isort: split
# --8<-- [start:imports]
import tempfile
from pathlib import Path

import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

# --8<-- [end:imports]

# --8<-- [start:data]
TRUE_W, TRUE_B = 3.0, 0.8


def make_data(n: int = 100, noise: float = 0.2, seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """x uniform on [-1, 1], y = 3x + 0.8 plus Gaussian noise; both of shape (n, 1)."""
    g = torch.Generator().manual_seed(seed)
    x = 2 * torch.rand(n, 1, generator=g) - 1
    y = TRUE_W * x + TRUE_B + noise * torch.randn(n, 1, generator=g)
    return x, y


def train_val_split(
    x: torch.Tensor, y: torch.Tensor, seed: int = 0
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor, torch.Tensor]:
    """80 % for training, 20 % for validation, chosen by a seeded random_split."""
    train, val = random_split(
        TensorDataset(x, y), [0.8, 0.2], generator=torch.Generator().manual_seed(seed)
    )
    return x[train.indices], y[train.indices], x[val.indices], y[val.indices]


# --8<-- [end:data]


# --8<-- [start:closed_form]
def least_squares(x: torch.Tensor, y: torch.Tensor) -> tuple[float, float]:
    """The (w, b) that minimize the mean squared error exactly, solved in float64."""
    design = torch.cat([x, torch.ones_like(x)], dim=1).double()  # columns: x, 1
    solution = torch.linalg.lstsq(design, y.double()).solution
    return solution[0, 0].item(), solution[1, 0].item()


# --8<-- [end:closed_form]


# --8<-- [start:by_hand]
def mse_gradients(
    w: float, b: float, x: torch.Tensor, y: torch.Tensor
) -> tuple[float, float, float]:
    """L = mean((w x + b - y)^2), dL/dw = 2 mean(r x), dL/db = 2 mean(r), r the residual."""
    r = w * x + b - y
    return (r**2).mean().item(), 2 * (r * x).mean().item(), 2 * r.mean().item()


def fit_by_hand(
    x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, steps: int = 200
) -> tuple[float, float, list[float]]:
    w, b, losses = 0.0, 0.0, []
    for _ in range(steps):
        loss, dw, db = mse_gradients(w, b, x, y)
        w, b = w - lr * dw, b - lr * db
        losses.append(loss)
    return w, b, losses


# --8<-- [end:by_hand]


# --8<-- [start:with_autograd]
def fit_with_autograd(
    x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, steps: int = 200
) -> tuple[float, float, list[float]]:
    w = torch.zeros((), requires_grad=True)
    b = torch.zeros((), requires_grad=True)
    losses = []
    for _ in range(steps):
        loss = ((w * x + b - y) ** 2).mean()
        loss.backward()  # (1)!
        with torch.no_grad():  # (2)!
            w -= lr * w.grad
            b -= lr * b.grad
        w.grad = None  # (3)!
        b.grad = None
        losses.append(loss.item())
    return w.item(), b.item(), losses


# --8<-- [end:with_autograd]


# --8<-- [start:with_nn]
def fit_with_nn(
    x: torch.Tensor, y: torch.Tensor, lr: float = 0.1, steps: int = 200
) -> tuple[nn.Linear, list[float]]:
    model = nn.Linear(1, 1)
    nn.init.zeros_(model.weight)  # (1)!
    nn.init.zeros_(model.bias)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    losses = []
    for _ in range(steps):
        loss = loss_fn(model(x), y)  # (2)!
        optimizer.zero_grad()  # (3)!
        loss.backward()
        optimizer.step()  # (4)!
        losses.append(loss.item())
    return model, losses


# --8<-- [end:with_nn]


# --8<-- [start:validation]
def train_and_validate(
    x_train: torch.Tensor,
    y_train: torch.Tensor,
    x_val: torch.Tensor,
    y_val: torch.Tensor,
    lr: float = 0.1,
    steps: int = 200,
) -> tuple[nn.Linear, list[float], list[float]]:
    """Full-batch SGD; the validation loss is measured after every step, without gradients."""
    model = nn.Linear(1, 1)
    nn.init.zeros_(model.weight)
    nn.init.zeros_(model.bias)
    loss_fn = nn.MSELoss()
    optimizer = torch.optim.SGD(model.parameters(), lr=lr)
    train_losses, val_losses = [], []
    for _ in range(steps):
        model.train()  # (1)!
        loss = loss_fn(model(x_train), y_train)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        model.eval()  # (2)!
        with torch.no_grad():
            val_losses.append(loss_fn(model(x_val), y_val).item())
        train_losses.append(loss.item())
    return model, train_losses, val_losses


# --8<-- [end:validation]


@functools.cache
def reference_results() -> dict[str, float]:
    x, y = make_data()
    x_train, y_train, x_val, y_val = train_val_split(x, y)
    w_ls, b_ls = least_squares(x_train, y_train)
    model, train_losses, val_losses = train_and_validate(x_train, y_train, x_val, y_val)
    return {
        "w_ls": w_ls,
        "b_ls": b_ls,
        "w": model.weight.item(),
        "b": model.bias.item(),
        "train_loss": train_losses[-1],
        "val_loss": val_losses[-1],
    }


__getattr__ = computed_on_first_read(
    globals(),
    {
        "RESULTS": reference_results,
        "LS_W": lambda: reference_results()["w_ls"],
        "LS_B": lambda: reference_results()["b_ls"],
        "FINAL_TRAIN_LOSS": lambda: reference_results()["train_loss"],
        "FINAL_VAL_LOSS": lambda: reference_results()["val_loss"],
    },
)
TOLERANCE_TRUE = 0.1
TOLERANCE_CLOSED_FORM = 1e-3
STEPS, LEARNING_RATE = 200, 0.1
N_SAMPLES, N_TRAIN, N_VAL = 100, 80, 20
NOISE_STD = 0.2
NOISE_VARIANCE = NOISE_STD**2


# --8<-- [start:ex_closed_form]
def exercise_closed_form() -> tuple[float, float]:
    x = torch.tensor([[0.0], [1.0], [2.0]])
    y = torch.tensor([[1.0], [3.0], [5.0]])
    return least_squares(x, y)


# --8<-- [end:ex_closed_form]

EXERCISE_W, EXERCISE_B = exercise_closed_form()
EXERCISE_BATCH_SIZES = [len(batch) for (batch,) in DataLoader(TensorDataset(torch.arange(10)), 3)]
EXERCISE_BATCHES = len(EXERCISE_BATCH_SIZES)
EXERCISE_BATCHES_DROP_LAST = EXERCISE_BATCHES - 1


def exercise_accumulated_gradient() -> float:
    x = torch.tensor(2.0, requires_grad=True)
    for _ in range(2):
        (x**3).backward()
    return x.grad.item()


EXERCISE_ACCUMULATED_GRADIENT = exercise_accumulated_gradient()
EXERCISE_PARAMETERS = sum(
    p.numel() for p in nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1)).parameters()
)


if __name__ == "__main__":
    # --8<-- [start:data_demo]
    x, y = make_data()
    x_train, y_train, x_val, y_val = train_val_split(x, y)
    print(x.shape, y.shape, x_train.shape, x_val.shape)
    # --8<-- [end:data_demo]

    # --8<-- [start:closed_form_demo]
    w_ls, b_ls = least_squares(x_train, y_train)
    print(f"least squares: w = {w_ls:.3f}, b = {b_ls:.3f}")
    # --8<-- [end:closed_form_demo]

    # --8<-- [start:three_ways]
    w1, b1, losses1 = fit_by_hand(x_train, y_train)
    w2, b2, losses2 = fit_with_autograd(x_train, y_train)
    model, losses3 = fit_with_nn(x_train, y_train)
    w3, b3 = model.weight.item(), model.bias.item()
    for name, w, b in (("by hand", w1, b1), ("autograd", w2, b2), ("nn.Linear", w3, b3)):
        close = abs(w - w_ls) < 1e-3 and abs(b - b_ls) < 1e-3  # (1)!
        print(f"{name:9s}  w = {w:.3f}, b = {b:.3f}, matches least squares: {close}")
    # --8<-- [end:three_ways]

    # --8<-- [start:validation_demo]
    model, train_losses, val_losses = train_and_validate(x_train, y_train, x_val, y_val)
    print(f"train loss {train_losses[-1]:.2f}, validation loss {val_losses[-1]:.2f}")  # (1)!
    print(model.training)  # (2)!
    # --8<-- [end:validation_demo]

    # --8<-- [start:train_eval]
    torch.manual_seed(0)
    dropout_net = nn.Sequential(nn.Linear(1, 4), nn.Dropout(p=0.5))
    inputs = torch.ones(1, 1)
    dropout_net.train()
    with torch.no_grad():
        a, b = dropout_net(inputs), dropout_net(inputs)
    print(dropout_net.training, torch.equal(a, b))  # (1)!
    dropout_net.eval()
    with torch.no_grad():
        a, b = dropout_net(inputs), dropout_net(inputs)
    print(dropout_net.training, torch.equal(a, b), torch.equal(a, dropout_net[0](inputs)))  # (2)!
    # --8<-- [end:train_eval]

    # --8<-- [start:save_load]
    path = Path(tempfile.mkdtemp()) / "linear_regression.pt"
    torch.save(model.state_dict(), path)
    reloaded = nn.Linear(1, 1)  # (1)!
    reloaded.load_state_dict(torch.load(path, weights_only=True))
    reloaded.eval()
    with torch.no_grad():
        print(torch.equal(reloaded(x_val), model(x_val)))
        print(reloaded(torch.tensor([[0.5]])).round(decimals=2))  # (2)!
    # --8<-- [end:save_load]

    # --8<-- [start:ex_broadcast]
    print((torch.ones(4, 1, 3) + torch.ones(2, 1)).shape)
    # --8<-- [end:ex_broadcast]

    # --8<-- [start:ex_view]
    a = torch.arange(6)
    b = a.view(2, 3)
    b[1, 0] = 100
    print(a)
    # --8<-- [end:ex_view]

    # --8<-- [start:ex_parameters]
    net = nn.Sequential(nn.Linear(10, 5), nn.ReLU(), nn.Linear(5, 1))
    print(sum(p.numel() for p in net.parameters()))
    # --8<-- [end:ex_parameters]

    # --8<-- [start:ex_accumulate]
    x = torch.tensor(2.0, requires_grad=True)
    for _ in range(2):
        (x**3).backward()
    print(x.grad)
    # --8<-- [end:ex_accumulate]

    # --8<-- [start:ex_batches]
    ten = TensorDataset(torch.arange(10))
    print([len(batch) for (batch,) in DataLoader(ten, batch_size=3)])
    print([len(batch) for (batch,) in DataLoader(ten, batch_size=3, drop_last=True)])
    # --8<-- [end:ex_batches]

    # --8<-- [start:ex_closed_form_demo]
    w, b = exercise_closed_form()
    print(round(w, 6), round(b, 6))
    # --8<-- [end:ex_closed_form_demo]
