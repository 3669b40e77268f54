import itertools

import pytest
import torch
from torch.func import grad, vmap

from snippets.optimization import batch_size as bs


def test_per_sample_gradients_match_autograd():
    w = torch.randn(bs.D, generator=torch.Generator().manual_seed(3), dtype=torch.float64)

    def loss(w, x, y):
        return (x @ w - y) ** 2

    expected = vmap(grad(loss), in_dims=(None, 0, 0))(w, bs.X, bs.Y)
    torch.testing.assert_close(bs.per_sample_gradients(w), expected)
    # their mean is the gradient of the mean squared error
    w.requires_grad_(True)
    ((bs.X @ w - bs.Y) ** 2).mean().backward()
    torch.testing.assert_close(bs.per_sample_gradients(w.detach()).mean(0), w.grad)


def test_predicted_noise_is_exact_for_sampling_without_replacement():
    # brute force over every batch of a small population: the formula is exact, not approximate
    from itertools import combinations

    g = bs.per_sample_gradients(bs.W0)[:8]
    full = g.mean(0)
    sigma2 = ((g - full) ** 2).sum(1).mean()
    for b in (1, 2, 3, 5, 8):
        batches = torch.tensor(list(combinations(range(8), b)))
        variance = ((g[batches].mean(1) - full) ** 2).sum(1).mean()
        torch.testing.assert_close(variance, sigma2 / b * (8 - b) / 7)


@pytest.mark.parametrize("b", [1, 4, 16, 64, 256])
@pytest.mark.parametrize("replacement", [True, False])
def test_measured_noise_matches_the_prediction(b, replacement):
    assert bs.measured_over_predicted(b, replacement) == pytest.approx(1, abs=0.08)


def test_noise_is_zero_for_the_whole_dataset_without_replacement():
    assert bs.gradient_noise(bs.N, replacement=False) == pytest.approx(0, abs=1e-20)
    assert bs.predicted_noise(bs.N, replacement=False) == 0
    assert bs.gradient_noise(bs.N, replacement=True) > 0


def test_noise_falls_as_one_over_b():
    for b in (1, 2, 8, 32):
        assert bs.predicted_noise(b, True) / bs.predicted_noise(2 * b, True) == pytest.approx(2)
    assert bs.noise_ratio_1_to_256() == pytest.approx(16)
    assert bs.FACTOR_AT_256 == pytest.approx(768 / 1023)
    assert bs.FACTOR_AT_512 == pytest.approx(512 / 1023)


def test_excess_loss_is_the_loss_minus_its_minimum():
    w = torch.randn(bs.D, generator=torch.Generator().manual_seed(4), dtype=torch.float64)

    def loss(v):
        return ((bs.X @ v - bs.Y) ** 2).mean()

    torch.testing.assert_close(bs.excess_loss(w), loss(w) - loss(bs.W_BEST))
    torch.testing.assert_close(torch.autograd.functional.hessian(loss, w), 2 * bs.A)


def test_best_learning_rate_scales_linearly_then_saturates():
    results = bs.sweep()
    lrs = [results[b][0] for b in bs.SWEEP_BATCH_SIZES]
    steps = [results[b][1] for b in bs.SWEEP_BATCH_SIZES]
    assert lrs[:3] == pytest.approx([2**-5, 2**-3, 2**-1])  # x4 per x4 batch
    assert bs.best_lr_growth_1_to_16() == pytest.approx(16)
    assert lrs[3:] == pytest.approx([2**-0.5] * 3)
    assert all(lr < bs.step_limit() for lr in lrs)
    assert all(a >= b for a, b in itertools.pairwise(steps))
    assert steps[-1] == steps[-2]  # beyond B = 256 a larger batch saves no step
    samples = [s * b for s, b in zip(steps, bs.SWEEP_BATCH_SIZES, strict=False)]
    assert all(a < b for a, b in itertools.pairwise(samples))


def test_sweep_at_b_equal_n_is_full_batch_gradient_descent():
    lr = bs.best_lr_at(1024)
    w = torch.zeros(bs.D, dtype=torch.float64)
    goal = 0.01 * bs.excess_loss(bs.W0)
    steps = 0
    while bs.excess_loss(w) > goal:
        w = w - lr * 2 * bs.X.T @ (bs.X @ w - bs.Y) / bs.N
        steps += 1
    assert steps == bs.steps_at(1024)


def test_a_larger_step_than_the_limit_diverges_at_full_batch():
    w = torch.zeros(bs.D, dtype=torch.float64)
    for _ in range(300):
        w = w - 1.05 * bs.step_limit() * 2 * bs.X.T @ (bs.X @ w - bs.Y) / bs.N
    assert bs.excess_loss(w) > 1e3


def test_time_per_sample_falls_with_the_batch():
    for _ in range(3):  # timing on a shared machine: retry before failing
        t = bs.fastest_steps((1, 16, 256))
        if t[16] / 16 < t[1] and t[256] / 256 < t[16] / 16:
            return
    pytest.fail(f"time per step: {t}")
