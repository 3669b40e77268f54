import math

import pytest
import torch

from snippets.optimization import exercises as ex


def test_momentum_third_iterate_by_hand_and_by_torch():
    assert ex.MOMENTUM_W3 == pytest.approx(0.72 - 0.1 * (0.9 * 1.8 + 0.72), abs=1e-15)
    w = torch.tensor([1.0], dtype=torch.float64, requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, momentum=0.9)
    for _ in range(3):
        opt.zero_grad()
        (w**2 / 2).sum().backward()
        opt.step()
    assert w.item() == pytest.approx(ex.MOMENTUM_W3, abs=1e-15)


def test_adam_ignores_the_scale_of_the_loss():
    assert ex.ADAM_SCALED_W1 == pytest.approx(0.9, abs=1e-9)


def test_schedule_answers():
    assert ex.STEP_LR_AT_120 == 0.025
    assert ex.COSINE_LR_AT_150 == pytest.approx(0.05 * (1 - math.sqrt(0.5)))


def test_dropout_eval_prints_its_input():
    assert ex.dropout_eval_output() == [1.0, 2.0, 3.0, 4.0]


def test_batch_norm_running_mean_after_one_batch():
    bn = torch.nn.BatchNorm1d(1)
    bn(torch.tensor([[2.0], [4.0], [6.0]]))
    assert bn.running_mean.item() == pytest.approx(ex.BN_RUNNING_MEAN_AFTER_ONE)


def test_sgd_decay_factor():
    w = torch.tensor([1.0], requires_grad=True)
    opt = torch.optim.SGD([w], lr=0.1, weight_decay=0.01)
    (0 * w).sum().backward()
    opt.step()
    assert w.item() == pytest.approx(ex.SGD_DECAY_FACTOR)


def test_kappa_ratio_is_about_ten():
    assert ex.steps_ratio_kappa_100_vs_10() == pytest.approx(10, rel=0.01)
