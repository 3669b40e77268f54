import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.activations import relu_family as rf

GRID = torch.arange(-400, 401, dtype=torch.float64) / 100  # contains 0 exactly


def autograd_derivative(f, x: torch.Tensor) -> torch.Tensor:
    x = x.clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x).sum(), x)
    return grad


@pytest.mark.parametrize(
    ("mine", "theirs"),
    [
        (rf.relu, nn.ReLU()),
        (rf.relu, torch.relu),
        (rf.leaky_relu, nn.LeakyReLU()),
        (lambda x: rf.leaky_relu(x, 0.2), nn.LeakyReLU(0.2)),
        (rf.elu, nn.ELU()),
        (rf.elu, F.elu),
        (lambda x: rf.elu(x, alpha=0.5), lambda x: F.elu(x, alpha=0.5)),
    ],
)
def test_hand_functions_match_torch(mine, theirs):
    torch.testing.assert_close(mine(GRID), theirs(GRID))


@pytest.mark.parametrize(
    ("derivative", "function"),
    [
        (rf.relu_derivative, rf.relu),
        (rf.relu_derivative, nn.ReLU()),
        (rf.leaky_relu_derivative, rf.leaky_relu),
        (rf.leaky_relu_derivative, nn.LeakyReLU()),
        (lambda x: rf.leaky_relu_derivative(x, 0.2), nn.LeakyReLU(0.2)),
        (rf.elu_derivative, rf.elu),
        (rf.elu_derivative, nn.ELU()),
        (lambda x: rf.elu_derivative(x, alpha=0.5), lambda x: F.elu(x, alpha=0.5)),
    ],
)
def test_derivatives_match_autograd_including_zero(derivative, function):
    torch.testing.assert_close(derivative(GRID), autograd_derivative(function, GRID))


def test_pytorch_defaults():
    assert rf.LEAKY_RELU_DEFAULT_SLOPE == 0.01
    assert rf.ELU_DEFAULT_ALPHA == 1.0


def test_derivative_at_zero_depends_on_the_implementation():
    assert rf.RELU_GRADIENT_AT_ZERO == 0.0
    assert rf.CLAMP_GRADIENT_AT_ZERO == 1.0
    assert rf.MAXIMUM_GRADIENT_AT_ZERO == 0.5
    assert rf.LEAKY_RELU_GRADIENT_AT_ZERO == pytest.approx(0.01)
    assert rf.ELU_GRADIENT_AT_ZERO == 1.0
    assert rf.ELU_ALPHA_2_GRADIENT_AT_ZERO == 2.0
    zero = torch.zeros(1, dtype=torch.float64)
    assert rf.relu_derivative(zero).item() == rf.RELU_GRADIENT_AT_ZERO


def test_ranges_and_saturation():
    wide = torch.linspace(-30, 30, 601, dtype=torch.float64)
    assert rf.relu(wide).min() == 0
    assert rf.leaky_relu(wide).min() == pytest.approx(-0.3)
    assert rf.elu(wide).min() > -1.0
    assert rf.elu(wide, alpha=2.0).min() > -2.0
    assert rf.ELU_AT_MINUS_10 == pytest.approx(-0.99995, abs=1e-5)
    assert rf.ELU_AT_MINUS_5 == pytest.approx(-0.99326, abs=1e-5)
    assert rf.ELU_DERIVATIVE_AT_MINUS_10 == pytest.approx(4.54e-5, rel=1e-3)
    positive = wide[wide > 0]
    assert (rf.relu_derivative(positive) == 1).all()


def test_elu_has_no_nan_gradient_for_large_inputs():
    big = torch.tensor([-200.0, 200.0], requires_grad=True)
    rf.elu(big).sum().backward()
    torch.testing.assert_close(big.grad, torch.tensor([0.0, 1.0]))


def test_dead_relu_neuron():
    neuron, inputs = rf.neuron_and_inputs(rf.DEAD_BIAS)
    pre_activation = neuron(inputs)
    assert pre_activation.max().item() == pytest.approx(rf.DEAD_LARGEST_PRE_ACTIVATION)
    assert rf.DEAD_LARGEST_PRE_ACTIVATION < -7
    out = torch.relu(pre_activation)
    assert (out == 0).all()
    out.mean().backward()
    assert (neuron.weight.grad == 0).all() and (neuron.bias.grad == 0).all()
    before = [p.detach().clone() for p in neuron.parameters()]
    torch.optim.SGD(neuron.parameters(), lr=0.1).step()
    assert all(torch.equal(a, b) for a, b in zip(before, neuron.parameters(), strict=True))


def test_bias_gradients():
    assert rf.RELU_BIAS_GRADIENT == 0.0
    assert rf.LEAKY_BIAS_GRADIENT == pytest.approx(0.01)
    neuron, inputs = rf.neuron_and_inputs(0.0)
    with torch.no_grad():
        active_share = (neuron(inputs) > 0).double().mean().item()
    assert rf.HEALTHY_RELU_BIAS_GRADIENT == pytest.approx(active_share)
    assert 0.4 < active_share < 0.6


def test_naive_where_gives_nan_gradient():
    big = torch.tensor([200.0], requires_grad=True)
    naive = torch.where(big > 0, big, torch.exp(big) - 1)
    (grad,) = torch.autograd.grad(naive.sum(), big)
    assert torch.isnan(grad).all()


def test_a_dead_neuron_can_be_revived_by_weight_decay_or_by_shifted_inputs():
    neuron, inputs = rf.neuron_and_inputs(bias=-10.0)
    torch.relu(neuron(inputs)).mean().backward()
    assert neuron.bias.grad.item() == 0.0
    torch.optim.SGD(neuron.parameters(), lr=0.1, weight_decay=0.01).step()
    assert neuron.bias.item() == pytest.approx(-10.0 * (1 - 0.1 * 0.01))
    neuron, inputs = rf.neuron_and_inputs(bias=-10.0)
    shifted = inputs + 20 * neuron.weight.detach().sign()  # an earlier layer moved its outputs
    with torch.no_grad():
        assert (neuron(shifted) > 0).any()
