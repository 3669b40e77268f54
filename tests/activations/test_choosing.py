import pytest
import torch
from torch import nn

from snippets.activations import choosing as ch
from snippets.activations.choosing import (
    bce_with_logits,
    derivative_max,
    layer_gradient_norms,
    loss_and_gradient,
    make_mlp,
    sigmoid_then_bce,
    softplus,
)


def test_mlp_has_ten_linear_layers_and_no_final_activation():
    net = make_mlp(nn.ReLU)
    assert sum(isinstance(m, nn.Linear) for m in net) == 10
    assert isinstance(net[-1], nn.Linear)


def test_gradient_norms_match_a_manual_backward_pass():
    torch.manual_seed(0)
    net = make_mlp(nn.Tanh, depth=3, width=8)
    norms = layer_gradient_norms(net, batch=4)
    torch.manual_seed(0)
    twin = make_mlp(nn.Tanh, depth=3, width=8)
    x, target = torch.randn(4, 8), torch.randn(4, 8)
    ((twin(x) - target) ** 2).mean().backward()
    expected = [m.weight.grad.norm().item() for m in twin if isinstance(m, nn.Linear)]
    assert norms == pytest.approx(expected, rel=1e-5)


def test_sigmoid_stack_loses_the_gradient_and_relu_tanh_keep_it():
    assert 1e-7 < ch.first_to_last_ratio(nn.Sigmoid) < 1e-6
    assert ch.first_to_last_ratio(nn.ReLU) > 0.1
    assert ch.first_to_last_ratio(nn.Tanh) > 0.1
    assert ch.SIGMOID_SHRINK_PER_LAYER < ch.SIGMOID_DERIVATIVE_MAX
    assert ch.LINEAR_SHRINK_PER_LAYER == pytest.approx(1.0, abs=0.05)
    assert ch.RELU_SHRINK_PER_LAYER > 0.5
    assert ch.TANH_SHRINK_PER_LAYER > 0.5


def test_derivative_maxima_match_autograd_at_the_known_argmax():
    cases = {
        torch.sigmoid: (ch.SIGMOID_DERIVATIVE_MAX, 0.0, 0.25),
        torch.tanh: (ch.TANH_DERIVATIVE_MAX, 0.0, 1.0),
        torch.relu: (ch.RELU_DERIVATIVE_MAX, 1.0, 1.0),
        nn.functional.leaky_relu: (ch.LEAKY_RELU_DERIVATIVE_MAX, 1.0, 1.0),
        nn.functional.elu: (ch.ELU_DERIVATIVE_MAX, 1.0, 1.0),
    }
    for fn, (grid_max, at, exact) in cases.items():
        x = torch.tensor(at, requires_grad=True)
        fn(x).backward()
        assert x.grad.item() == pytest.approx(exact)
        assert grid_max == pytest.approx(exact, abs=1e-6)
    assert ch.STEP_DERIVATIVE_MAX == 0.0


def test_derivative_max_finds_a_shifted_peak():
    assert derivative_max(lambda x: torch.sigmoid(x - 2.0)) == pytest.approx(0.25, abs=1e-4)


def test_softplus_matches_torch_and_stays_positive():
    x = torch.linspace(-100, 100, 1001)
    torch.testing.assert_close(softplus(x), nn.functional.softplus(x))
    assert (softplus(torch.linspace(-20, 20, 101)) > 0).all()


def test_softplus_gradient_matches_torch_including_zero():
    x = torch.cat([torch.linspace(-100, 100, 1001), torch.zeros(1)]).requires_grad_(True)
    (ours,) = torch.autograd.grad(softplus(x).sum(), x)
    (theirs,) = torch.autograd.grad(nn.functional.softplus(x).sum(), x)
    torch.testing.assert_close(ours, theirs)
    torch.testing.assert_close(ours, torch.sigmoid(x.detach()))
    assert ch.SOFTPLUS_GRADIENT_AT_0 == 0.5


def test_sigmoid_then_bce_saturates_where_the_fused_loss_does_not():
    assert loss_and_gradient(lambda z: sigmoid_then_bce(z, 0.0), 20.0) == (100.0, 0.0)
    assert (ch.SATURATED_BCE_LOSS, ch.SATURATED_BCE_GRADIENT) == (100.0, 0.0)
    loss, grad = loss_and_gradient(lambda z: bce_with_logits(z, 0.0), 20.0)
    assert loss == pytest.approx(nn.functional.softplus(torch.tensor(20.0)).item())
    assert grad == pytest.approx(torch.sigmoid(torch.tensor(20.0)).item())
    assert (ch.FUSED_BCE_LOSS, ch.FUSED_BCE_GRADIENT) == (loss, grad)


def test_the_zero_gradient_comes_from_sigmoids_backward_not_from_the_clamp():
    z = torch.tensor([20.0], requires_grad=True)
    p = torch.sigmoid(z)
    p.retain_grad()
    nn.BCELoss()(p, torch.tensor([0.0])).backward()
    assert p.item() == 1.0
    assert p.grad.item() == pytest.approx(1e12, rel=1e-6)
    assert ch.SATURATED_BCE_PROBABILITY_GRADIENT == p.grad.item()
    assert ch.SIGMOID_LOCAL_GRADIENT_AT_20 == 0.0
    assert z.grad.item() == 0.0
    # In float64 sigma(20) is not 1, and the same two losses give the true gradient.
    z64 = torch.tensor([20.0], dtype=torch.float64, requires_grad=True)
    nn.BCELoss()(torch.sigmoid(z64), torch.zeros(1, dtype=torch.float64)).backward()
    assert z64.grad.item() == pytest.approx(1.0, rel=1e-6)


def test_both_losses_agree_when_nothing_saturates():
    for logit, label in [(0.3, 1.0), (-1.2, 0.0), (2.0, 1.0)]:
        plain = loss_and_gradient(lambda z, y=label: sigmoid_then_bce(z, y), logit)
        fused = loss_and_gradient(lambda z, y=label: bce_with_logits(z, y), logit)
        assert plain == pytest.approx(fused, rel=1e-5)


def test_bce_gradient_matches_the_closed_form():
    # d/dz BCE(sigmoid(z), y) = sigmoid(z) - y
    for logit, label in [(0.7, 1.0), (-2.0, 0.0), (3.0, 0.0)]:
        _, grad = loss_and_gradient(lambda z, y=label: bce_with_logits(z, y), logit)
        assert grad == pytest.approx(torch.sigmoid(torch.tensor(logit)).item() - label)


def test_multi_label_probabilities_need_not_sum_to_one():
    logits = torch.tensor([2.0, 1.0, -1.0])
    assert ch.MULTI_LABEL_PROBABILITY_SUM == pytest.approx(torch.sigmoid(logits).sum().item())
    assert ch.MULTI_LABEL_PROBABILITY_SUM > 1.5
