import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.losses_init import regression_losses as rl


def random_pair(seed: int, shape=(6, 3)) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    prediction = 3 * torch.randn(shape, generator=generator, dtype=torch.float64)
    return prediction, 3 * torch.randn(shape, generator=generator, dtype=torch.float64)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_l1_and_mse_match_torch(seed):
    prediction, target = random_pair(seed)
    torch.testing.assert_close(rl.l1_loss(prediction, target), nn.L1Loss()(prediction, target))
    torch.testing.assert_close(rl.mse_loss(prediction, target), nn.MSELoss()(prediction, target))


@pytest.mark.parametrize("width", [0.3, 1.0, 2.0, 5.0])
@pytest.mark.parametrize("seed", [0, 1])
def test_smooth_l1_and_huber_match_torch(width, seed):
    prediction, target = random_pair(seed)
    torch.testing.assert_close(
        rl.smooth_l1_loss(prediction, target, width),
        nn.SmoothL1Loss(beta=width)(prediction, target),
    )
    torch.testing.assert_close(
        rl.huber_loss(prediction, target, width), nn.HuberLoss(delta=width)(prediction, target)
    )
    torch.testing.assert_close(
        F.huber_loss(prediction, target, delta=width),
        width * F.smooth_l1_loss(prediction, target, beta=width),
    )


def test_gradients_match_the_formulas():
    e = torch.tensor([-3.0, -1.5, -0.5, 0.0, 0.5, 1.5, 3.0], dtype=torch.float64)
    torch.testing.assert_close(rl.gradient_per_element("l1", e), torch.sign(e))
    torch.testing.assert_close(rl.gradient_per_element("mse", e), 2 * e)
    torch.testing.assert_close(rl.gradient_per_element("smooth_l1", e, 2.0), (e / 2).clamp(-1, 1))
    torch.testing.assert_close(rl.gradient_per_element("huber", e, 2.0), e.clamp(-2, 2))


def test_smooth_l1_tends_to_l1_as_beta_shrinks():
    prediction, target = random_pair(3)
    torch.testing.assert_close(
        F.smooth_l1_loss(prediction, target, beta=0.0), F.l1_loss(prediction, target)
    )


def test_gaussian_nll():
    prediction, target = random_pair(4)
    sigma = rl.GAUSSIAN_SIGMA
    expected = -torch.distributions.Normal(prediction, sigma).log_prob(target).mean()
    torch.testing.assert_close(rl.gaussian_nll(prediction, target, sigma), expected)
    variance = torch.full_like(prediction, sigma**2)
    torch.testing.assert_close(
        nn.GaussianNLLLoss(full=True)(prediction, target, variance), expected
    )
    constant = 0.5 * math.log(2 * math.pi * sigma**2)
    torch.testing.assert_close(expected, F.mse_loss(prediction, target) / (2 * sigma**2) + constant)


def test_outlier_minimisers():
    assert rl.BEST_CONSTANT_MSE == pytest.approx(rl.OUTLIER_MEAN) == pytest.approx(22.0)
    assert rl.BEST_CONSTANT_L1 == pytest.approx(rl.OUTLIER_MEDIAN) == 3.0


def test_width_numbers():
    assert rl.SMOOTH_SMALL == pytest.approx(0.0625)
    assert rl.HUBER_SMALL == pytest.approx(0.125)
    assert rl.SMOOTH_LARGE == pytest.approx(2.0)
    assert rl.HUBER_LARGE == pytest.approx(4.0)
    assert rl.SMOOTH_GRAD_LARGE == pytest.approx(1.0)
    assert rl.HUBER_GRAD_LARGE == pytest.approx(2.0)
    assert rl.HUBER_OVER_SMOOTH == pytest.approx(rl.WIDTH)


def test_mean_divides_by_every_element():
    assert rl.MSE_GRAD_RATIO_4X3 == pytest.approx(12.0)


def test_broadcast_pitfall():
    assert rl.BROADCAST_WARNS
    assert rl.BROADCAST_ELEMENTS == 16
    i = torch.arange(4.0)
    assert rl.BROADCAST_MSE == pytest.approx(((i[:, None] - i[None, :]) ** 2).mean().item())
    assert rl.BROADCAST_MSE == pytest.approx(2.5)


def test_huber_extremes():
    prediction, target = random_pair(5)
    with pytest.raises(RuntimeError, match="delta"):
        F.huber_loss(prediction, target, delta=0.0)
    huge = 1e6
    torch.testing.assert_close(
        F.huber_loss(prediction, target, delta=huge), 0.5 * F.mse_loss(prediction, target)
    )
