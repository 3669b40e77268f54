"""Regularization: overfitting, L1/L2 penalties and weight decay, dropout, early stopping."""

from __future__ import annotations

import functools

from snippets.lazy import computed_on_first_read

# isort: split
# --8<-- [start:data]
import math

import torch


def noisy_sine(x: torch.Tensor, seed: int, noise: float = 0.2) -> torch.Tensor:
    """y = sin(2 pi x) plus Gaussian noise with standard deviation `noise`."""
    g = torch.Generator().manual_seed(seed)
    return torch.sin(2 * math.pi * x) + noise * torch.randn(len(x), generator=g, dtype=x.dtype)


x_train = torch.linspace(0, 1, 10, dtype=torch.float64)
y_train = noisy_sine(x_train, seed=2)
x_val = torch.rand(200, generator=torch.Generator().manual_seed(3), dtype=torch.float64)
y_val = noisy_sine(x_val, seed=4)
# --8<-- [end:data]


# --8<-- [start:poly]
def fit_polynomial(x: torch.Tensor, y: torch.Tensor, degree: int) -> torch.Tensor:
    """Least-squares coefficients c_0..c_degree of c_0 + c_1 x + ... + c_degree x^degree."""
    features = torch.stack([x**k for k in range(degree + 1)], dim=1)
    return torch.linalg.lstsq(features, y.unsqueeze(1)).solution.squeeze(1)


def evaluate_polynomial(coefficients: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    return sum(c * x**k for k, c in enumerate(coefficients))


def mse(prediction: torch.Tensor, target: torch.Tensor) -> float:
    return ((prediction - target) ** 2).mean().item()


# --8<-- [end:poly]


def polynomial_errors(degree: int) -> tuple[float, float]:
    c = fit_polynomial(x_train, y_train, degree)
    return (
        mse(evaluate_polynomial(c, x_train), y_train),
        mse(evaluate_polynomial(c, x_val), y_val),
    )


DEGREES = (1, 3, 9)
(TRAIN_MSE_1, VAL_MSE_1), (TRAIN_MSE_3, VAL_MSE_3), (TRAIN_MSE_9, VAL_MSE_9) = (
    polynomial_errors(d) for d in DEGREES
)


# --- Train and validation loss over epochs --------------------------------------------------


def make_mlp(seed: int = 0) -> torch.nn.Sequential:
    torch.manual_seed(seed)
    return torch.nn.Sequential(
        torch.nn.Linear(1, 64),
        torch.nn.Tanh(),
        torch.nn.Linear(64, 64),
        torch.nn.Tanh(),
        torch.nn.Linear(64, 1),
    ).double()


@functools.cache
def loss_curves(epochs: int = 1500, lr: float = 0.003) -> tuple[list[float], list[float]]:
    """Full-batch Adam on 20 noisy points; train and validation MSE per epoch."""
    x = torch.linspace(0, 1, 20, dtype=torch.float64)
    y = noisy_sine(x, seed=2, noise=0.3)
    y_check = noisy_sine(x_val, seed=4, noise=0.3)
    model = make_mlp()
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    train, val = [], []
    for _ in range(epochs):
        loss = ((model(x[:, None]).squeeze(1) - y) ** 2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        train.append(loss.item())
        with torch.no_grad():
            val.append(mse(model(x_val[:, None]).squeeze(1), y_check))
    return train, val


# --8<-- [start:penalties]
def l2_penalty(w: torch.Tensor, lam: float) -> torch.Tensor:
    """lam / 2 * ||w||^2, whose gradient is lam * w."""
    return lam / 2 * (w**2).sum()


def l1_penalty(w: torch.Tensor, lam: float) -> torch.Tensor:
    """lam * sum |w|, whose gradient is lam * sign(w) (away from 0)."""
    return lam * w.abs().sum()


# --8<-- [end:penalties]


# --8<-- [start:decay_demo]
def shrink_without_data(optimizer_class: type, weight_decay: float, steps: int = 10) -> float:
    """w after `steps` steps from w = 1 when the loss has zero gradient: only the decay acts."""
    w = torch.ones(1, requires_grad=True)
    optimizer = optimizer_class([w], lr=0.01, weight_decay=weight_decay)
    for _ in range(steps):
        optimizer.zero_grad()
        (0 * w).sum().backward()  # the data says nothing about w
        optimizer.step()
    return w.item()


# --8<-- [end:decay_demo]

DECAY_STRENGTHS = (1e-4, 1.0)
__getattr__ = computed_on_first_read(
    globals(),
    {
        "ADAM_L2_SMALL": lambda: shrink_without_data(torch.optim.Adam, DECAY_STRENGTHS[0]),
        "ADAM_L2_LARGE": lambda: shrink_without_data(torch.optim.Adam, DECAY_STRENGTHS[1]),
        "ADAMW_SMALL": lambda: shrink_without_data(torch.optim.AdamW, DECAY_STRENGTHS[0]),
        "ADAMW_LARGE": lambda: shrink_without_data(torch.optim.AdamW, DECAY_STRENGTHS[1]),
    },
)


# --8<-- [start:dropout]
def dropout(x: torch.Tensor, p: float, training: bool = True) -> torch.Tensor:
    """Zero each entry with probability p and scale the rest by 1 / (1 - p)."""
    if not training or p == 0:
        return x
    keep = torch.rand_like(x) >= p
    return x * keep / (1 - p)


# --8<-- [end:dropout]


def dropout_mean(p: float, n: int = 1_000_000, seed: int = 0) -> float:
    torch.manual_seed(seed)
    return torch.nn.functional.dropout(torch.ones(n), p).mean().item()


DROPOUT_P = 0.5
DROPOUT_SCALE = 1 / (1 - DROPOUT_P)
DROPOUT_MEAN_SD = math.sqrt(DROPOUT_P / (1 - DROPOUT_P) / 1_000_000)


# --8<-- [start:early_stopping]
class EarlyStopping:
    """Stop after `patience` epochs without a new best validation loss; remember the best."""

    def __init__(self, patience: int) -> None:
        self.patience = patience
        self.best_loss = math.inf
        self.best_epoch = -1
        self.bad_epochs = 0

    def should_stop(self, epoch: int, val_loss: float) -> bool:
        if val_loss < self.best_loss:
            self.best_loss, self.best_epoch, self.bad_epochs = val_loss, epoch, 0
            # here a real loop saves the model: torch.save(model.state_dict(), path)
        else:
            self.bad_epochs += 1
        return self.bad_epochs >= self.patience


def early_stopping_run(val_losses: list[float], patience: int) -> tuple[int, int]:
    """(epoch at which training stops, best epoch)."""
    stopper = EarlyStopping(patience)
    for epoch, loss in enumerate(val_losses):
        if stopper.should_stop(epoch, loss):
            return epoch, stopper.best_epoch
    return len(val_losses) - 1, stopper.best_epoch


# --8<-- [end:early_stopping]


def curve_summary() -> dict[str, float]:
    train, val = loss_curves()
    stop, best = early_stopping_run(val, patience=300)
    return {
        "best_epoch": best,
        "stop_epoch": stop,
        "best_val": val[best],
        "final_val": val[-1],
        "final_train": train[-1],
    }


def best_val_epoch() -> int:
    return curve_summary()["best_epoch"]


def final_over_best_val() -> float:
    summary = curve_summary()
    return summary["final_val"] / summary["best_val"]


if __name__ == "__main__":
    # --8<-- [start:poly_demo]
    for degree in (1, 3, 9):
        c = fit_polynomial(x_train, y_train, degree)
        train_mse = mse(evaluate_polynomial(c, x_train), y_train)
        val_mse = mse(evaluate_polynomial(c, x_val), y_val)
        print(f"degree {degree}: train {train_mse:.3f}  validation {val_mse:.3f}")
    # --8<-- [end:poly_demo]

    # --8<-- [start:penalty_demo]
    w = torch.tensor([0.5, -2.0, 0.0], requires_grad=True)
    (l2_penalty(w, 0.1) + l1_penalty(w, 0.01)).backward()
    print(w.grad)  # (1)!
    # --8<-- [end:penalty_demo]

    # --8<-- [start:decay_compare]
    for wd in (1e-4, 1.0):
        adam_l2 = shrink_without_data(torch.optim.Adam, weight_decay=wd)
        adamw = shrink_without_data(torch.optim.AdamW, weight_decay=wd)
        print(f"weight_decay={wd:g}: Adam {adam_l2:.4f}  AdamW {adamw:.4f}")
    # --8<-- [end:decay_compare]

    # --8<-- [start:dropout_demo]
    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=0.5)
    x = torch.ones(8)
    print(layer(x))  # (1)!
    print(layer(torch.ones(1_000_000)).mean().round(decimals=2))  # (2)!
    layer.eval()
    print(layer(x))  # (3)!
    # --8<-- [end:dropout_demo]

    # --8<-- [start:early_demo]
    losses = [1.0, 0.8, 0.7, 0.72, 0.69, 0.71, 0.73, 0.74, 0.75]
    print(early_stopping_run(losses, patience=3))
    # --8<-- [end:early_demo]
