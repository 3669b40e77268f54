import math

import pytest
import torch
from torch import nn

from snippets.activations import exercises as ex


def _derivative(f, x: float) -> float:
    t = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    f(t).backward()
    return t.grad.item()


def test_sigmoid_and_tanh_at_ln3_by_autograd():
    assert ex.SIGMOID_AT_LN3 == pytest.approx(torch.sigmoid(ex.LN3).item()) == pytest.approx(0.75)
    assert ex.SIGMOID_DERIVATIVE_AT_LN3 == pytest.approx(_derivative(torch.sigmoid, math.log(3)))
    assert ex.SIGMOID_DERIVATIVE_AT_LN3 == pytest.approx(3 / 16)
    assert ex.TANH_DERIVATIVE_AT_HALF_LN3 == pytest.approx(_derivative(torch.tanh, math.log(3) / 2))
    assert ex.TANH_DERIVATIVE_AT_HALF_LN3 == pytest.approx(4 * 3 / 16)


def test_depth_at_which_the_bound_drops_below_a_thousandth():
    assert 0.25**4 >= 1e-3 > 0.25**5
    assert ex.DEPTH_FOR_THOUSANDTH == 5
    assert ex.BOUND_AT_THAT_DEPTH == 0.25**5
    x = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    out = x
    for _ in range(5):
        out = torch.sigmoid(out)
    out.backward()
    assert ex.STACK_GRADIENT_AT_THAT_DEPTH == pytest.approx(x.grad.item())
    assert ex.STACK_GRADIENT_AT_THAT_DEPTH < ex.BOUND_AT_THAT_DEPTH


def test_softmax_of_logs_is_the_normalized_numbers():
    z = ex.LOGITS
    torch.testing.assert_close(torch.softmax(z, -1), torch.tensor([1, 2, 3.0], dtype=z.dtype) / 6)
    assert ex.PROBABILITIES == pytest.approx([1 / 6, 1 / 3, 1 / 2])
    assert ex.P_LAST_SHIFTED == pytest.approx(0.5)
    assert ex.P_LAST_AT_HALF == pytest.approx(torch.softmax(z / 0.5, -1)[-1].item())
    assert ex.P_LAST_AT_HALF == pytest.approx(9 / 14)


def test_printed_gradients_of_leaky_relu_and_elu():
    leaky, elu = ex.predicted_gradients()
    assert leaky == pytest.approx([0.1, 0.1, 1.0])
    assert elu == pytest.approx([math.exp(-2), 1.0, 1.0])
    assert ex.ELU_DERIVATIVE_AT_MINUS_2 == pytest.approx(ex.ELU_AT_MINUS_2 + 1)


def test_merged_layer_by_matrix_product_and_by_running_the_layers():
    w1 = torch.tensor([[1.0, 2.0], [0.0, 1.0]])
    b1 = torch.tensor([1.0, -1.0])
    w2 = torch.tensor([[2.0, -1.0]])
    b2 = torch.tensor([0.5])
    assert [ex.MERGED_W1, ex.MERGED_W2] == (w2 @ w1).flatten().tolist() == [2.0, 3.0]
    assert ex.MERGED_BIAS == (w2 @ b1 + b2).item() == 3.5
    first, second = ex.two_layers()
    x = torch.tensor([-4.0, 1.0])
    with torch.no_grad():
        assert ex.MERGED_OUTPUT == second(first(x)).item() == -1.5
        assert ex.RELU_OUTPUT == nn.Sequential(first, nn.ReLU(), second)(x).item() == 0.5


def test_bce_with_logits_from_minus_three():
    z = torch.tensor([-3.0], dtype=torch.float64, requires_grad=True)
    loss = nn.functional.binary_cross_entropy_with_logits(z, torch.ones(1, dtype=torch.float64))
    loss.backward()
    assert ex.BCE_LOSS == pytest.approx(math.log1p(math.exp(3)), rel=1e-6)
    assert ex.BCE_LOSS == pytest.approx(loss.item(), rel=1e-6)
    assert ex.BCE_GRADIENT == pytest.approx(z.grad.item(), rel=1e-6)
    assert ex.BCE_GRADIENT == pytest.approx(torch.sigmoid(torch.tensor(-3.0)).item() - 1)
