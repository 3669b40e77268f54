import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.losses_init import exercises as ex


def best_constant(data, loss):
    """The constant minimizing the loss, on a grid of step 0.01, by torch's own losses."""
    target = torch.tensor(data, dtype=torch.float64)
    grid = torch.arange(0, 600.01, 0.01, dtype=torch.float64)
    values = torch.stack([loss(c.expand_as(target), target) for c in grid])
    return grid[values.argmin()].item()


@pytest.mark.parametrize(
    ("data", "mean", "median"),
    [(ex.DATA, ex.MEAN, ex.MEDIAN), (ex.DATA_FARTHER, ex.MEAN_FARTHER, ex.MEDIAN_FARTHER)],
)
def test_mse_picks_the_mean_and_l1_the_median(data, mean, median):
    assert best_constant(data, F.mse_loss) == pytest.approx(mean, abs=1e-9)
    assert best_constant(data, F.l1_loss) == pytest.approx(median, abs=1e-9)


def test_outlier_moves_the_mean_only():
    assert (ex.MEAN, ex.MEAN_FARTHER) == (14.0, 104.0)
    assert ex.MEDIAN == ex.MEDIAN_FARTHER == 7.0


@pytest.mark.parametrize("reduction", ["mean", "sum"])
def test_reduction_loss_and_gradient(reduction):
    target = torch.zeros(ex.SHAPE)
    prediction = torch.zeros(ex.SHAPE)
    prediction[2, 3] = 1.0
    prediction.requires_grad_()
    loss = nn.MSELoss(reduction=reduction)(prediction, target)
    loss.backward()
    expected = {"mean": (ex.MEAN_LOSS, ex.MEAN_GRAD), "sum": (ex.SUM_LOSS, ex.SUM_GRAD)}
    assert loss.item() == pytest.approx(expected[reduction][0])
    assert prediction.grad[2, 3].item() == pytest.approx(expected[reduction][1])
    assert prediction.grad.abs().sum().item() == pytest.approx(expected[reduction][1])


def test_broadcast_compares_every_pair():
    with pytest.warns(UserWarning, match="target size"):
        assert ex.broadcast_mse() == ex.BROADCAST_LOSS == 2.0


def test_weighted_cross_entropy_against_torch():
    logits = torch.log(torch.tensor(ex.PROBS, dtype=torch.float64))
    target = torch.tensor(ex.TARGETS)
    plain = F.cross_entropy(logits, target).item()
    weighted = F.cross_entropy(logits, target, weight=torch.tensor(ex.CLASS_WEIGHTS).double())
    assert ex.UNWEIGHTED_LOSS == pytest.approx(plain, rel=1e-12)
    assert ex.WEIGHTED_LOSS == pytest.approx(weighted.item(), rel=1e-12)
    assert ex.UNWEIGHTED_LOSS == pytest.approx(math.log(10) / 2, rel=1e-12)


def test_xavier_uniform_with_the_tanh_gain():
    assert nn.init.calculate_gain("tanh") == pytest.approx(ex.TANH_GAIN)
    w = torch.empty(100, 300)
    nn.init.xavier_uniform_(w, gain=ex.TANH_GAIN, generator=torch.Generator().manual_seed(0))
    assert w.abs().max().item() <= ex.XAVIER_TANH_LIMIT
    assert w.abs().max().item() == pytest.approx(ex.XAVIER_TANH_LIMIT, rel=1e-3)
    n = w.numel()
    assert w.std().item() == pytest.approx(ex.XAVIER_TANH_STD, abs=5 * ex.XAVIER_TANH_STD / n**0.5)


def test_depth_products_match_a_random_network():
    assert ex.XAVIER_RELU_AFTER_DEPTH == pytest.approx(2.0**-15)
    assert ex.DEFAULT_RELU_AFTER_DEPTH == pytest.approx(6.0**-15)
    # One seeded network per scheme: finite width makes the product random, so a factor of 2.
    for scheme, predicted in [
        ("xavier", ex.XAVIER_RELU_AFTER_DEPTH),
        ("default", ex.DEFAULT_RELU_AFTER_DEPTH),
    ]:
        measured = ex.relu_rms_ratio(scheme)
        assert 0.5 < measured / predicted < 2, scheme
