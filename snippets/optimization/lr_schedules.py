"""Learning-rate schedules: torch.optim.lr_scheduler against their closed forms."""

from __future__ import annotations

import functools
import math
import warnings
from collections.abc import Callable

from snippets.lazy import computed_on_first_read

# isort: split
# --8<-- [start:record]
import torch
from torch.optim import lr_scheduler

BASE_LR, EPOCHS = 0.1, 200


def lr_per_epoch(
    make: Callable[[torch.optim.Optimizer], object], epochs: int = EPOCHS
) -> list[float]:
    """The learning rate used in each epoch, with the calls in the right order."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=BASE_LR)
    scheduler = make(optimizer)
    lrs = []
    for _ in range(epochs):
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()  # (1)!
        scheduler.step()  # (2)!
    return lrs


# --8<-- [end:record]


# --8<-- [start:schedules]
SCHEDULES = {
    "StepLR": lambda opt: lr_scheduler.StepLR(opt, step_size=50, gamma=0.5),
    "MultiStepLR": lambda opt: lr_scheduler.MultiStepLR(opt, milestones=[50, 125, 160]),
    "ExponentialLR": lambda opt: lr_scheduler.ExponentialLR(opt, gamma=0.98),
    "CosineAnnealingLR": lambda opt: lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS),
    "warm-up + cosine": lambda opt: lr_scheduler.SequentialLR(
        opt,
        schedulers=[
            lr_scheduler.LinearLR(opt, start_factor=0.1, total_iters=10),
            lr_scheduler.CosineAnnealingLR(opt, T_max=EPOCHS - 10),
        ],
        milestones=[10],
    ),
}
# --8<-- [end:schedules]


# --8<-- [start:closed_forms]
def step_lr(epoch: int, step_size: int = 50, gamma: float = 0.5) -> float:
    return BASE_LR * gamma ** (epoch // step_size)


def multistep_lr(
    epoch: int, milestones: tuple[int, ...] = (50, 125, 160), gamma: float = 0.1
) -> float:
    return BASE_LR * gamma ** sum(epoch >= m for m in milestones)


def exponential_lr(epoch: int, gamma: float = 0.98) -> float:
    return BASE_LR * gamma**epoch


def cosine_lr(epoch: int, t_max: int = EPOCHS, eta_min: float = 0.0) -> float:
    return eta_min + (BASE_LR - eta_min) * (1 + math.cos(math.pi * epoch / t_max)) / 2


def warmup_cosine_lr(epoch: int, warmup: int = 10, start_factor: float = 0.1) -> float:
    if epoch < warmup:
        return BASE_LR * (start_factor + (1 - start_factor) * epoch / warmup)
    return cosine_lr(epoch - warmup, t_max=EPOCHS - warmup)


# --8<-- [end:closed_forms]

CLOSED_FORMS: dict[str, Callable[[int], float]] = {
    "StepLR": step_lr,
    "MultiStepLR": multistep_lr,
    "ExponentialLR": exponential_lr,
    "CosineAnnealingLR": cosine_lr,
    "warm-up + cosine": warmup_cosine_lr,
}


def all_curves() -> dict[str, list[float]]:
    return {name: lr_per_epoch(make) for name, make in SCHEDULES.items()}


# --8<-- [start:plateau]
def synthetic_val_losses(epochs: int = EPOCHS) -> list[float]:
    """A validation loss that falls, then stalls at 0.5 from epoch 60 on."""
    return [max(0.5, 2.0 - 0.025 * e) for e in range(epochs)]


def plateau_lrs(val_losses: list[float]) -> list[float]:
    """ReduceLROnPlateau: halve the lr after 10 epochs without a new best, down to 0.001."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=BASE_LR)
    scheduler = lr_scheduler.ReduceLROnPlateau(optimizer, factor=0.5, patience=10, min_lr=1e-3)
    lrs = []
    for val_loss in val_losses:
        lrs.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
        scheduler.step(val_loss)  # (1)!
    return lrs


# --8<-- [end:plateau]


@functools.cache
def plateau_schedule() -> tuple[float, ...]:
    return tuple(plateau_lrs(synthetic_val_losses()))


def plateau_cuts() -> list[int]:
    lrs = plateau_schedule()
    return [e for e in range(1, EPOCHS) if lrs[e] < lrs[e - 1]]


STEP_LR_AT_120 = step_lr(120)
MULTISTEP_LR_AT_130 = multistep_lr(130)
EXPONENTIAL_LR_AT_100 = exponential_lr(100)
COSINE_LR_AT_50 = cosine_lr(50)
COSINE_LR_AT_100 = cosine_lr(100)
WARMUP_LR_AT_0 = warmup_cosine_lr(0)
WARMUP_LR_AT_5 = warmup_cosine_lr(5)


# --8<-- [start:wrong_order]
def first_lrs_wrong_order(steps: int = 3) -> list[float]:
    """scheduler.step() before optimizer.step(): the warm-up's first value is never used."""
    w = torch.zeros(1, requires_grad=True)
    optimizer = torch.optim.SGD([w], lr=BASE_LR)
    scheduler = lr_scheduler.LinearLR(optimizer, start_factor=0.1, total_iters=10)
    used = []
    for _ in range(steps):
        scheduler.step()  # wrong: before optimizer.step()
        used.append(optimizer.param_groups[0]["lr"])
        optimizer.step()
    return used


# --8<-- [end:wrong_order]


def wrong_order_first_lr() -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return first_lrs_wrong_order()[0]


__getattr__ = computed_on_first_read(
    globals(),
    {
        "PLATEAU_LRS": lambda: list(plateau_schedule()),
        "PLATEAU_FIRST_CUT": lambda: next(
            e for e, lr in enumerate(plateau_schedule()) if lr < BASE_LR
        ),
        "PLATEAU_CUTS": plateau_cuts,
        "PLATEAU_FINAL_LR": lambda: plateau_schedule()[-1],
        "WRONG_ORDER_FIRST_LR": wrong_order_first_lr,
        "RIGHT_ORDER_FIRST_LR": lambda: lr_per_epoch(SCHEDULES["warm-up + cosine"], epochs=1)[0],
    },
)
WARNING_START = "Detected call of `lr_scheduler.step()` before `optimizer.step()`"


if __name__ == "__main__":
    # --8<-- [start:demo]
    curves = {name: lr_per_epoch(make) for name, make in SCHEDULES.items()}
    for name, lrs in curves.items():
        print(f"{name:18}", " ".join(f"{lrs[e]:.4f}" for e in (0, 5, 50, 100, 130, 199)))
    # --8<-- [end:demo]

    # --8<-- [start:plateau_demo]
    lrs = plateau_lrs(synthetic_val_losses())
    print([e for e in range(1, EPOCHS) if lrs[e] < lrs[e - 1]])
    print(lrs[-1])
    # --8<-- [end:plateau_demo]

    # --8<-- [start:wrong_order_demo]
    import warnings

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        print([round(lr, 4) for lr in first_lrs_wrong_order()])
    print(caught[0].category.__name__)
    print(str(caught[0].message).split(". ")[0])
    # --8<-- [end:wrong_order_demo]
