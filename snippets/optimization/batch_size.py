"""Batch size: the gradient's noise, the learning rate it allows, and what a step costs."""

from __future__ import annotations

import functools

# --8<-- [start:data]
import time

import torch
from torch import nn

N, D = 1024, 8
generator = torch.Generator().manual_seed(0)
X = torch.randn(N, D, generator=generator, dtype=torch.float64)
X = X * torch.linspace(1.0, 0.3, D, dtype=torch.float64)  # (1)!
W_TRUE = torch.randn(D, generator=generator, dtype=torch.float64)
Y = X @ W_TRUE + 0.5 * torch.randn(N, generator=generator, dtype=torch.float64)


def per_sample_gradients(w: torch.Tensor) -> torch.Tensor:
    """Row i is the gradient of (x_i^T w - y_i)^2 with respect to w."""
    return 2 * (X @ w - Y)[:, None] * X


W0 = torch.zeros(D, dtype=torch.float64)
# --8<-- [end:data]


# --8<-- [start:noise]
def gradient_noise(batch_size: int, replacement: bool, draws: int = 4000, seed: int = 0) -> float:
    """Mean of |g_B - g|^2 over many minibatches: the total variance of the minibatch gradient."""
    grads = per_sample_gradients(W0)
    full = grads.mean(0)
    gen = torch.Generator().manual_seed(seed)
    total = 0.0
    for _ in range(draws // 500):
        if replacement:
            index = torch.randint(N, (500, batch_size), generator=gen)
        else:
            index = torch.rand(500, N, generator=gen).argsort(dim=1)[:, :batch_size]  # (1)!
        minibatch = grads[index].mean(1)
        total += ((minibatch - full) ** 2).sum(1).sum().item()
    return total / (draws // 500 * 500)


def predicted_noise(batch_size: int, replacement: bool) -> float:
    """sigma^2 / B, times (N - B) / (N - 1) when a batch holds no sample twice."""
    grads = per_sample_gradients(W0)
    sigma2 = ((grads - grads.mean(0)) ** 2).sum(1).mean().item()  # (2)!
    factor = 1.0 if replacement else (N - batch_size) / (N - 1)
    return sigma2 / batch_size * factor


# --8<-- [end:noise]

BATCH_SIZES = [2**k for k in range(11)]


def sigma2() -> float:
    return predicted_noise(1, replacement=True)


def measured_over_predicted(batch_size: int, replacement: bool) -> float:
    return gradient_noise(batch_size, replacement) / predicted_noise(batch_size, replacement)


def noise_ratio_1_to_256() -> float:
    """How much smaller the standard deviation is at B = 256 than at B = 1 (with replacement)."""
    return (predicted_noise(1, True) / predicted_noise(256, True)) ** 0.5


def finite_sample_factor(batch_size: int = 256) -> float:
    return (N - batch_size) / (N - 1)


FACTOR_AT_256 = finite_sample_factor(256)
FACTOR_AT_512 = finite_sample_factor(512)


# --8<-- [start:lr_sweep]
LEARNING_RATES = 2.0 ** (torch.arange(-14, 2, dtype=torch.float64) / 2)  # (1)!
W_BEST = torch.linalg.solve(X.T @ X, X.T @ Y)
A = X.T @ X / N  # the Hessian of the mean squared error is 2 A


def excess_loss(w: torch.Tensor) -> torch.Tensor:
    """L(w) - L(w_best) = (w - w_best)^T A (w - w_best), for any leading batch shape."""
    d = w - W_BEST
    return torch.einsum("...i,ij,...j->...", d, A, d)


def steps_to_target(
    batch_size: int, target: float = 0.01, seeds: int = 8, max_epochs: int = 30
) -> torch.Tensor:
    """Median number of SGD steps, per learning rate, until the excess loss is below
    target times its starting value. Each epoch shuffles the data; inf if never reached."""
    gen = torch.Generator().manual_seed(1)
    w = torch.zeros(seeds, len(LEARNING_RATES), D, dtype=torch.float64)
    goal = target * excess_loss(W0)
    reached = torch.full((seeds, len(LEARNING_RATES)), float("inf"), dtype=torch.float64)
    step = 0
    for _ in range(max_epochs):
        order = torch.rand(seeds, N, generator=gen).argsort(dim=1)
        for batch in order.split(batch_size, dim=1):
            xb, yb = X[batch], Y[batch]  # (seeds, B, D), (seeds, B)
            residual = torch.einsum("srd,sbd->srb", w, xb) - yb[:, None, :]
            grad = 2 * torch.einsum("srb,sbd->srd", residual, xb) / batch.shape[1]
            w = (w - LEARNING_RATES[None, :, None] * grad).clamp(-1e6, 1e6)
            step += 1
            done = (excess_loss(w) <= goal) & reached.isinf()
            reached[done] = step
            median = reached.median(dim=0).values
            if step > 1.5 * median.min():  # (2)!
                return median
    return reached.median(dim=0).values


def best_learning_rate(batch_size: int) -> tuple[float, float]:
    """The grid's learning rate that reaches the target in the fewest steps, and those steps."""
    steps = steps_to_target(batch_size)
    i = int(steps.argmin())
    return LEARNING_RATES[i].item(), steps[i].item()


# --8<-- [end:lr_sweep]

SWEEP_BATCH_SIZES = (1, 4, 16, 64, 256, 1024)


@functools.cache
def sweep() -> dict[int, tuple[float, float]]:
    return {b: best_learning_rate(b) for b in SWEEP_BATCH_SIZES}


def best_lr_growth_1_to_16() -> float:
    return sweep()[16][0] / sweep()[1][0]


def best_lr_growth_64_to_1024() -> float:
    return sweep()[1024][0] / sweep()[64][0]


def best_lr_at(batch_size: int) -> float:
    return sweep()[batch_size][0]


def steps_at(batch_size: int) -> float:
    return sweep()[batch_size][1]


def step_limit() -> float:
    """Full-batch gradient descent diverges above 2 / lambda_max of the Hessian 2A."""
    return 2 / (2 * torch.linalg.eigvalsh(A).max().item())


# --8<-- [start:timing]
def seconds_per_step(batch_size: int, steps: int = 50) -> float:
    """The fastest of `steps` timed SGD steps of a small MLP (the minimum is the least
    disturbed by other programs running on the machine)."""
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(64, 64), nn.ReLU(), nn.Linear(64, 1))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.randn(batch_size, 64), torch.randn(batch_size, 1)
    times = []
    for _ in range(steps):
        start = time.perf_counter()
        optimizer.zero_grad()
        nn.functional.mse_loss(model(x), y).backward()
        optimizer.step()
        times.append(time.perf_counter() - start)
    return min(times)


def fastest_steps(batch_sizes: tuple[int, ...], rounds: int = 10) -> dict[int, float]:
    """The fastest step of each batch size over rounds in which the sizes take turns: a moment
    when the machine is busy then slows one round of every size, not every step of one size.
    Timed on one thread: a product split across threads waits for the last of them, so on a
    machine busy with other work the larger batches, which are split, would be timed waiting."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        best = dict.fromkeys(batch_sizes, float("inf"))
        for _ in range(rounds):
            for batch_size in batch_sizes:
                best[batch_size] = min(best[batch_size], seconds_per_step(batch_size, steps=10))
    finally:
        torch.set_num_threads(threads)
    return best


# --8<-- [end:timing]


def best_full_batch_step() -> float:
    """2 / (lambda_min + lambda_max) of the Hessian 2A: full-batch descent's best fixed step."""
    eigenvalues = 2 * torch.linalg.eigvalsh(A)
    return 2 / (eigenvalues.min() + eigenvalues.max()).item()


def noise_scale(w: torch.Tensor = W0) -> float:
    """sigma^2 / |g|^2: the batch size at which the noise is as large as the gradient itself
    (the "simple noise scale" of McCandlish et al., 2018)."""
    grads = per_sample_gradients(w)
    full = grads.mean(0)
    return (((grads - full) ** 2).sum(1).mean() / (full @ full)).item()


def noise_scale_near_the_end() -> float:
    """The same ratio at 90 % of the way from w = 0 to the least-squares solution."""
    return noise_scale(0.9 * W_BEST)


def measured_over_predicted_b1() -> float:
    return measured_over_predicted(1, replacement=True)


def measured_over_predicted_b1_without() -> float:
    return measured_over_predicted(1, replacement=False)


def best_lr_b1() -> float:
    return best_lr_at(1)


def best_lr_b16() -> float:
    return best_lr_at(16)


def best_lr_b64() -> float:
    return best_lr_at(64)


def steps_b1() -> float:
    return steps_at(1)


def steps_b16() -> float:
    return steps_at(16)


def steps_b1024() -> float:
    return steps_at(1024)


if __name__ == "__main__":
    # --8<-- [start:noise_demo]
    for b in (1, 16, 256, 1024):
        print(
            f"B = {b:4d}: with replacement {gradient_noise(b, True):.4f} "
            f"(predicted {predicted_noise(b, True):.4f}), "
            f"without {gradient_noise(b, False):.4f} (predicted {predicted_noise(b, False):.4f})"
        )
    # --8<-- [end:noise_demo]

    # --8<-- [start:lr_sweep_demo]
    for b in (1, 4, 16, 64, 256, 1024):
        lr, steps = best_learning_rate(b)
        print(f"B = {b:4d}: best lr = {lr:.4f}, steps = {steps:4.0f}, samples = {steps * b:6.0f}")
    # --8<-- [end:lr_sweep_demo]

    # --8<-- [start:timing_demo]
    t = fastest_steps((1, 16, 256))
    print("per sample, B = 16 is cheaper than B = 1:", t[16] / 16 < t[1])
    print("per sample, B = 256 is cheaper than B = 16:", t[256] / 256 < t[16] / 16)
    # --8<-- [end:timing_demo]
