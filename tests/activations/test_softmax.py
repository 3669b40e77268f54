import math

import pytest
import torch

from snippets.activations import softmax as sm
from snippets.activations.softmax import (
    softmax,
    softmax_jacobian,
    softmax_naive,
    softmax_with_temperature,
)


def random_logits(*shape: int, seed: int = 0) -> torch.Tensor:
    torch.manual_seed(seed)
    return 3 * torch.randn(*shape)


@pytest.mark.parametrize("dim", [0, 1, -1])
def test_both_versions_match_torch_softmax(dim):
    z = random_logits(4, 5)
    torch.testing.assert_close(softmax(z, dim=dim), torch.softmax(z, dim=dim))
    torch.testing.assert_close(softmax_naive(z, dim=dim), torch.softmax(z, dim=dim))


def test_output_is_a_probability_distribution():
    s = softmax(random_logits(8, 6))
    assert (s > 0).all()
    torch.testing.assert_close(s.sum(dim=-1), torch.ones(8))


def test_adding_a_constant_to_every_logit_changes_nothing():
    z = random_logits(5)
    for c in (-50.0, 3.0, 80.0):
        torch.testing.assert_close(softmax(z + c), softmax(z))


def test_naive_version_overflows_where_the_stable_one_does_not():
    large = torch.tensor(sm.LARGE_LOGITS)
    assert torch.isnan(softmax_naive(large)).all()
    torch.testing.assert_close(softmax(large), torch.softmax(large, dim=-1))
    torch.testing.assert_close(softmax(large), softmax(torch.tensor([0.0, 1.0, 2.0])))
    assert not torch.isnan(softmax(-large)).any()


def test_worked_example_values():
    expected = torch.softmax(torch.tensor(sm.EXAMPLE_LOGITS), dim=-1)
    actual = torch.tensor([sm.EXAMPLE_P0, sm.EXAMPLE_P1, sm.EXAMPLE_P2])
    torch.testing.assert_close(actual, expected)
    assert round(sm.EXAMPLE_P0, 3) == 0.659
    assert round(sm.LARGE_P2, 3) == 0.665


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_jacobian_matches_autograd(seed):
    z = random_logits(5, seed=seed)
    expected = torch.autograd.functional.jacobian(lambda v: torch.softmax(v, dim=-1), z)
    torch.testing.assert_close(softmax_jacobian(z), expected)


def test_jacobian_rows_and_columns_sum_to_zero_and_entries_stay_below_a_quarter():
    jacobian = softmax_jacobian(random_logits(6))
    torch.testing.assert_close(jacobian.sum(dim=1), torch.zeros(6))
    torch.testing.assert_close(jacobian.sum(dim=0), torch.zeros(6))
    assert sm.SOFTMAX_DERIVATIVE_MAX == pytest.approx(0.25, abs=1e-6)
    assert jacobian.max().item() <= 0.25


def test_temperature_divides_the_logits():
    z = random_logits(4)
    for t in sm.TEMPERATURES:
        torch.testing.assert_close(softmax_with_temperature(z, t), torch.softmax(z / t, dim=-1))


def test_temperature_limits_are_argmax_and_uniform():
    z = torch.tensor(sm.EXAMPLE_LOGITS)
    torch.testing.assert_close(softmax_with_temperature(z, 0.01), torch.tensor([1.0, 0.0, 0.0]))
    torch.testing.assert_close(
        softmax_with_temperature(z, 1e4), torch.full((3,), 1 / 3), atol=1e-3, rtol=0
    )
    assert sm.TOP_PROBABILITY_T05 > sm.EXAMPLE_P0 > sm.TOP_PROBABILITY_T5 > 1 / 3


def test_two_class_softmax_is_sigmoid_of_the_difference():
    pairs = random_logits(100, 2)
    torch.testing.assert_close(softmax(pairs)[:, 0], torch.sigmoid(pairs[:, 0] - pairs[:, 1]))
    assert sm.TWO_CLASS_P0 == pytest.approx(torch.sigmoid(torch.tensor(1.0)).item())


def test_cross_entropy_expects_logits():
    logits = torch.tensor([sm.EXAMPLE_LOGITS])
    target = torch.tensor([0])
    loss = torch.nn.CrossEntropyLoss()(logits, target).item()
    assert loss == pytest.approx(sm.EXAMPLE_LOSS, rel=1e-6)
    assert sm.EXAMPLE_LOSS_DOUBLE_SOFTMAX > loss
    expected_floor = math.log((math.e + 2) / math.e)
    assert sm.DOUBLE_SOFTMAX_FLOOR_3_CLASSES == pytest.approx(expected_floor, rel=1e-6)


def test_hand_computation_shown_in_the_worked_example():
    exps = [math.exp(z) for z in sm.EXAMPLE_LOGITS]
    assert [round(e, 3) for e in exps] == [7.389, 2.718, 1.105]
    assert round(sum(exps), 3) == 11.213
    assert [round(e / sum(exps), 3) for e in exps] == [0.659, 0.242, 0.099]


def test_float32_overflows_just_below_e_to_the_89():
    largest = torch.finfo(torch.float32).max
    assert round(math.log(largest), 1) == 88.7
    assert torch.isinf(torch.exp(torch.tensor(89.0)))
    assert torch.isfinite(torch.exp(torch.tensor(88.7)))
    assert round(sm.FLOAT32_EXP_LIMIT, 1) == 88.7
    assert round(sm.FLOAT16_EXP_LIMIT, 1) == 11.1
    assert torch.isfinite(torch.exp(torch.tensor(11.0, dtype=torch.float16)))
    assert torch.isinf(torch.exp(torch.tensor(11.2, dtype=torch.float16)))


def test_saturated_softmax_still_passes_the_gradient_of_the_log_loss():
    # s_0 is about 1e-13, yet d(-log s_0)/dz = s - e_0 is about (-1, 1).
    z = torch.tensor([0.0, 30.0], requires_grad=True)
    (-torch.log(torch.softmax(z, dim=-1))[0]).backward()
    torch.testing.assert_close(z.grad, torch.tensor([-1.0, 1.0]))
    # What breaks is numerics: s_0 underflows to 0 and the log is -inf.
    z = torch.tensor([0.0, 200.0], requires_grad=True)
    loss = -torch.log(torch.softmax(z, dim=-1))[0]
    loss.backward()
    assert torch.isinf(loss)
    assert torch.isnan(z.grad).all()
    fused = torch.nn.functional.cross_entropy(z.detach()[None], torch.tensor([0]))
    assert fused.item() == 200.0
