"""Gradient descent on the smallest problem there is: fit y = 2x with one weight."""

from __future__ import annotations

# --8<-- [start:data]
import torch

X = torch.tensor([1.0, 2.0, 3.0], dtype=torch.float64)
Y = 2 * X


def mse_loss(
    w: float | torch.Tensor,
    x: torch.Tensor = X,
    y: torch.Tensor = Y,
) -> torch.Tensor:
    """L(w) = mean((w x - y)^2) for the model y_hat = w x."""
    return ((w * x - y) ** 2).mean()


# --8<-- [end:data]


# --8<-- [start:brute_force]
def loss_on_grid(ws: torch.Tensor) -> torch.Tensor:
    """The loss at every candidate weight."""
    return torch.stack([mse_loss(w) for w in ws])


# --8<-- [end:brute_force]

GRID = torch.linspace(-1, 5, 61)
GRID_POINTS = len(GRID)
BEST_W_ON_GRID = GRID[loss_on_grid(GRID).argmin()].item()
LOSS_AT_ZERO = mse_loss(0.0).item()


def grid_evaluations(parameters: int, points: int = GRID_POINTS) -> int:
    """Loss evaluations a full grid search needs for this many parameters."""
    return points**parameters


def digits_of_ten_parameter_grid() -> int:
    return len(str(grid_evaluations(10)))


# --8<-- [start:gradient]
def loss_gradient(
    w: float,
    x: torch.Tensor = X,
    y: torch.Tensor = Y,
) -> float:
    """dL/dw = mean(2 x (w x - y)), derived by hand."""
    return (2 * x * (w * x - y)).mean().item()


# --8<-- [end:gradient]

GRADIENT_AT_HALF = loss_gradient(0.5)


# --8<-- [start:full_batch]
def gradient_descent(w0: float, lr: float, steps: int) -> list[float]:
    """Weights w_0, w_1, ..., w_steps of full-batch gradient descent."""
    ws = [w0]
    for _ in range(steps):
        ws.append(ws[-1] - lr * loss_gradient(ws[-1]))
    return ws


# --8<-- [end:full_batch]

FIRST_STEP_W = gradient_descent(0.0, 0.05, 1)[-1]
W_AFTER_20_STEPS = gradient_descent(0.0, 0.05, 20)[-1]


# --8<-- [start:minibatch]
def minibatch_gradient_descent(
    w0: float,
    lr: float,
    epochs: int,
    batch_size: int,
    x: torch.Tensor = X,
    y: torch.Tensor = Y,
    seed: int = 0,
) -> list[float]:
    """Weights after every update; each epoch visits the samples in a new random order."""
    generator = torch.Generator().manual_seed(seed)
    ws = [w0]
    for _ in range(epochs):
        order = torch.randperm(len(x), generator=generator)
        for batch in order.split(batch_size):
            ws.append(ws[-1] - lr * loss_gradient(ws[-1], x[batch], y[batch]))
    return ws


# --8<-- [end:minibatch]


def sgd_loss_after_one_epoch() -> float:
    return mse_loss(minibatch_gradient_descent(0.0, 0.05, 1, batch_size=1)[-1]).item()


def full_batch_loss_after_one_epoch() -> float:
    return mse_loss(gradient_descent(0.0, 0.05, 1)[-1]).item()


NOISY_Y = torch.tensor([2.5, 3.5, 6.5], dtype=torch.float64)


def best_w_for_noisy_data() -> float:
    """Least squares for y_hat = w x: w* = sum(x y) / sum(x^2)."""
    return ((X * NOISY_Y).sum() / (X**2).sum()).item()


def sgd_wander_on_noisy_data(epochs: int = 100, lr: float = 0.05) -> float:
    """Range of w over the last 10 epochs of SGD when the samples disagree."""
    ws = minibatch_gradient_descent(2.0, lr, epochs, batch_size=1, y=NOISY_Y)
    tail = ws[-10 * len(X) :]
    return max(tail) - min(tail)


# --8<-- [start:learning_rate]
def loss_curvature(x: torch.Tensor = X) -> float:
    """L''(w) = 2 mean(x^2); the same at every w because L is a parabola."""
    return 2 * (x**2).mean().item()


def error_factor(lr: float) -> float:
    """Each step multiplies the error w - 2 by this factor."""
    return 1 - lr * loss_curvature()


def divergence_threshold(x: torch.Tensor = X) -> float:
    """Largest stable learning rate: |1 - lr L''| < 1 exactly when lr < 2 / L''."""
    return 2 / loss_curvature(x)


# --8<-- [end:learning_rate]

CURVATURE = loss_curvature()
THRESHOLD = divergence_threshold()
ONE_STEP_LR = 1 / CURVATURE
FACTOR_SMALL = error_factor(0.01)
FACTOR_GOOD = error_factor(0.1)
FACTOR_LARGE = error_factor(0.23)
FACTOR_BELOW = error_factor(0.21)
FACTOR_ABOVE = error_factor(0.22)
ERROR_AFTER_50_STEPS_ABOVE = abs(gradient_descent(0.0, 0.22, 50)[-1] - 2)
THRESHOLD_FOR_TEN_TIMES_X = divergence_threshold(10 * X)


def full_to_sgd_loss_ratio(updates: int = 6, lr: float = 0.05) -> float:
    """Loss of full-batch descent over the loss of SGD after the same number of updates."""
    full = minibatch_gradient_descent(0.0, lr, updates, batch_size=len(X))[updates]
    sgd = minibatch_gradient_descent(0.0, lr, updates, batch_size=1)[updates]
    return (mse_loss(full) / mse_loss(sgd)).item()


def sgd_epoch_error_factor(lr: float = 0.05) -> float:
    """One SGD epoch multiplies w - 2 by the product of the samples' factors 1 - 2 lr x_i^2."""
    return torch.prod(1 - lr * 2 * X**2).item()


FULL_TO_SGD_LOSS_RATIO_AFTER_6 = full_to_sgd_loss_ratio()
SGD_EPOCH_ERROR_FACTOR = sgd_epoch_error_factor()
FULL_BATCH_THREE_STEPS_ERROR_FACTOR = error_factor(0.05) ** 3


def threshold_with_summed_loss() -> float:
    """Summing instead of averaging scales the gradient, and so the curvature, by N."""
    return divergence_threshold() / len(X)


# --8<-- [start:autograd_loop]
def autograd_descent(
    w0: float,
    lr: float,
    steps: int,
    zero_grad: bool = True,
) -> list[float]:
    """The same loop with PyTorch computing the gradient."""
    w = torch.tensor(w0, requires_grad=True)
    ws = [w0]
    for _ in range(steps):
        mse_loss(w).backward()
        with torch.no_grad():  # (1)!
            w -= lr * w.grad
        if zero_grad:
            w.grad.zero_()  # (2)!
        ws.append(w.item())
    return ws


# --8<-- [end:autograd_loop]


def swing_without_zero_grad() -> float:
    """Without zeroing, gradients pile up: largest |w - 2| over steps 180 to 200."""
    ws = autograd_descent(0.0, 0.05, 200, zero_grad=False)
    return max(abs(w - 2) for w in ws[180:])


if __name__ == "__main__":
    # --8<-- [start:brute_force_demo]
    ws = torch.linspace(-1, 5, 61)
    losses = loss_on_grid(ws)
    print(f"best w = {ws[losses.argmin()]:.2f}, loss there = {losses.min():.4f}")
    # --8<-- [end:brute_force_demo]

    # --8<-- [start:gradient_demo]
    w = torch.tensor(0.5, requires_grad=True)
    mse_loss(w).backward()
    print(f"by hand: {loss_gradient(0.5):.4f}, autograd: {w.grad.item():.4f}")
    # --8<-- [end:gradient_demo]

    # --8<-- [start:full_batch_demo]
    ws = gradient_descent(w0=0.0, lr=0.05, steps=20)
    for step in (0, 1, 2, 5, 10, 20):
        print(f"step {step:2d}: w = {ws[step]:.4f}, loss = {mse_loss(ws[step]):.6f}")
    # --8<-- [end:full_batch_demo]

    # --8<-- [start:minibatch_demo]
    for name, size in (("full batch", 3), ("mini-batch", 2), ("SGD", 1)):
        ws = minibatch_gradient_descent(w0=0.0, lr=0.05, epochs=1, batch_size=size)
        print(f"{name:10s}: steps = {len(ws) - 1}, loss = {mse_loss(ws[-1]):.4f}")
    # --8<-- [end:minibatch_demo]

    # --8<-- [start:learning_rate_demo]
    print(f"L'' = {loss_curvature():.4f}, threshold 2/L'' = {divergence_threshold():.4f}")
    for lr in (0.01, 0.1, 0.21, 0.22, 1 / loss_curvature()):
        w_end = gradient_descent(w0=0.0, lr=lr, steps=50)[-1]
        print(
            f"lr = {lr:.4f}: factor {error_factor(lr):+.4f}, |w - 2| after 50 steps = "
            f"{abs(w_end - 2):.2e}"
        )
    # --8<-- [end:learning_rate_demo]

    # --8<-- [start:autograd_loop_demo]
    print(f"{autograd_descent(w0=0.0, lr=0.05, steps=20)[-1]:.4f}")
    # --8<-- [end:autograd_loop_demo]
