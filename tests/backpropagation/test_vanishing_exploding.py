import math

import pytest
import torch
from torch import nn

from snippets.backpropagation import vanishing_exploding as ve


def test_backward_signal_is_the_product_of_layer_jacobians():
    torch.manual_seed(0)
    net = ve.make_stack(nn.Sigmoid, depth=4, width=5)
    x, upstream = torch.randn(1, 5), torch.randn(1, 5)
    inputs, grads = ve.backward_signals(net, x, upstream)
    linears = [m for m in net if isinstance(m, nn.Linear)]
    signal = upstream[0]
    for i in reversed(range(len(linears))):
        pre = linears[i](inputs[i])[0]
        if i < len(linears) - 1:  # a sigmoid follows every layer but the last
            signal = torch.sigmoid(pre) * (1 - torch.sigmoid(pre)) * signal
        signal = linears[i].weight.T @ signal  # ∂L/∂h_(l-1) = W_lᵀ diag(φ'(a_l)) ∂L/∂h_l
        torch.testing.assert_close(grads[i][0], signal)


def test_inputs_of_the_linear_layers_are_the_forward_activations():
    torch.manual_seed(0)
    net = ve.make_stack(nn.ReLU, depth=3, width=4)
    x = torch.randn(2, 4)
    inputs, _ = ve.backward_signals(net, x, torch.ones(2, 4))
    torch.testing.assert_close(inputs[0], x)
    torch.testing.assert_close(inputs[2], net[:4](x).detach())


def test_factor_per_layer_is_the_geometric_mean():
    assert ve.factor_per_layer([8.0, 4.0, 2.0, 1.0]) == pytest.approx(2.0)


def test_sigmoid_stack_vanishes():
    assert ve.first_to_last(ve.SIGMOID_NORMS) < 1e-10
    assert ve.SIGMOID_FACTOR < 0.25
    assert ve.SIGMOID_ORDERS_LOST == pytest.approx(11.9, abs=0.05)


def test_he_initialization_keeps_the_factor_near_one():
    assert 0.5 < ve.HE_RATIO < 2
    assert ve.HE_FACTOR == pytest.approx(1.0, abs=0.05)
    assert ve.HE_PREDICTED_FACTOR == pytest.approx(1.0)


def test_std_one_explodes_at_the_predicted_rate():
    assert ve.first_to_last(ve.STD1_NORMS) > 1e12
    assert ve.STD1_PREDICTED_FACTOR == pytest.approx(math.sqrt(32))
    assert ve.STD1_FACTOR == pytest.approx(ve.STD1_PREDICTED_FACTOR, rel=0.05)
    assert ve.STD1_ORDERS_GAINED == pytest.approx(14.1, abs=0.05)


def test_relu_factor_matches_one_wide_layer():
    torch.manual_seed(0)
    width, std = 512, 0.1
    w = torch.randn(width, width) * std
    a = torch.randn(256, width)
    g = torch.randn(256, width)
    back = (g * (a > 0)) @ w  # Wᵀ diag(ReLU'(a)) g, row by row
    measured = (back.norm() / g.norm()).item()
    assert measured == pytest.approx(ve.relu_factor(width, std), rel=0.03)


def test_weight_gradients_of_std_one_stack_explode_in_every_layer():
    assert ve.STD1_SMALLEST_WEIGHT_GRAD > 1e16


def test_recurrence_gradient_is_a_matrix_power():
    w = ve.matrix_with_spectral_radius(1.1, n=6)
    norms = ve.recurrence_gradient_norms(w, steps=8, seed=3)
    g = torch.Generator().manual_seed(3)
    torch.randn(6, generator=g)  # h_0
    v = torch.randn(6, generator=g)
    for k, norm in enumerate(norms):
        expected = torch.linalg.matrix_power(w.T, k) @ v
        assert norm == pytest.approx(expected.norm().item(), rel=1e-4)


@pytest.mark.parametrize("rho", [0.9, 1.0, 1.1])
def test_constructed_matrix_has_the_requested_spectral_radius(rho):
    assert ve.spectral_radius(ve.matrix_with_spectral_radius(rho)) == pytest.approx(rho, rel=1e-5)


def test_recurrence_gradient_grows_like_rho_to_the_t():
    assert ve.GROWTH_UP == pytest.approx(1.1, abs=0.005)
    assert ve.GROWTH_DOWN == pytest.approx(0.9, abs=0.005)
    assert ve.TOTAL_GROWTH_UP > 50
    assert ve.TOTAL_GROWTH_DOWN < 0.01
    assert ve.RHO_UP_POWER_50 == pytest.approx(117.39, abs=0.01)


def test_layer_norm_keeps_activations_and_gradients_in_range():
    assert ve.STD1_LAST_INPUT_ORDER == 15
    assert ve.LAYER_NORM_LAST_INPUT < 100
    assert 0.5 < ve.LAYER_NORM_RATIO < 2
    assert ve.LAYER_NORM_FACTOR == pytest.approx(1.0, abs=0.05)


def test_layer_norm_does_not_lift_the_sigmoid_ceiling():
    assert ve.SIGMOID_LAYER_NORM_FACTOR < 0.5
    assert ve.first_to_last(ve.SIGMOID_LAYER_NORM_NORMS) < 1e-6
    # Above sigmoid's 1/4: LayerNorm's backward scales by 1/std of its (small) input.
    assert ve.SIGMOID_LAYER_NORM_FACTOR > ve.SIGMOID_FACTOR
    assert ve.SIGMOID_LAYER_NORM_INPUT_STD < 0.75
    predicted = ve.MEAN_SIGMOID_DERIVATIVE_UNIT_NORMAL / ve.SIGMOID_LAYER_NORM_INPUT_STD
    assert predicted == pytest.approx(ve.SIGMOID_LAYER_NORM_FACTOR, rel=0.15)
    z = torch.randn(1_000_000, generator=torch.Generator().manual_seed(0), dtype=torch.float64)
    s = torch.sigmoid(z)
    assert (s * (1 - s)).mean().item() == pytest.approx(
        ve.MEAN_SIGMOID_DERIVATIVE_UNIT_NORMAL, abs=1e-3
    )


def test_clip_grad_norm_caps_the_total_norm():
    assert ve.NORM_BEFORE_CLIPPING > 1e17
    assert ve.NORM_AFTER_CLIPPING == pytest.approx(1.0, abs=1e-5)
    assert ve.CLIPPING_ORDER == 17


def test_clip_by_norm_matches_clip_grad_norm():
    torch.manual_seed(0)
    net = ve.make_stack(nn.ReLU, depth=3, width=8, weight_std=1.0)
    net(torch.randn(4, 8)).square().sum().backward()
    grads = [p.grad.clone() for p in net.parameters()]
    total = nn.utils.clip_grad_norm_(net.parameters(), max_norm=0.5)
    torch.testing.assert_close(
        total, torch.linalg.vector_norm(torch.cat([g.flatten() for g in grads]))
    )
    for mine, theirs in zip(ve.clip_by_norm(grads, 0.5), net.parameters(), strict=True):
        torch.testing.assert_close(mine, theirs.grad)


def test_clip_by_norm_leaves_small_gradients_alone():
    grads = [torch.tensor([0.3, 0.4])]
    torch.testing.assert_close(ve.clip_by_norm(grads, 1.0)[0], grads[0])


def test_layer_norm_formula_matches_nn_layer_norm():
    torch.manual_seed(0)
    a = torch.randn(5, 64) * 3 + 1
    torch.testing.assert_close(ve.layer_norm(a), nn.LayerNorm(64)(a))


def test_layer_norm_ignores_the_scale_of_its_input():
    torch.manual_seed(0)
    a = torch.randn(5, 64)
    torch.testing.assert_close(ve.layer_norm(1000 * a), ve.layer_norm(a), atol=1e-4, rtol=1e-4)


def test_default_linear_init_has_variance_one_third_over_fan_in():
    torch.manual_seed(0)
    weight = nn.Linear(64, 64 * 64).weight
    assert weight.var().item() == pytest.approx(1 / (3 * 64), rel=0.02)


def test_default_linear_init_shrinks_relu_gradients():
    assert ve.DEFAULT_INIT_PREDICTED_FACTOR == pytest.approx(math.sqrt(1 / 6))
    assert ve.DEFAULT_INIT_FACTOR == pytest.approx(ve.DEFAULT_INIT_PREDICTED_FACTOR, rel=0.05)


def test_weight_gradients_of_std_one_stack_are_uniformly_huge():
    assert ve.STD1_WEIGHT_GRAD_SPREAD < 3


def test_clipping_an_infinite_gradient_gives_zeros_and_nan():
    finite, overflowed = nn.Parameter(torch.ones(2)), nn.Parameter(torch.ones(2))
    finite.grad = torch.tensor([3.0, 4.0])
    overflowed.grad = torch.tensor([1.0, float("inf")])
    assert nn.utils.clip_grad_norm_([finite, overflowed], max_norm=1.0) == float("inf")
    torch.testing.assert_close(finite.grad, torch.zeros(2))
    assert overflowed.grad.isnan().any()


def test_dominant_eigenvalues_are_a_complex_pair():
    eigenvalues = torch.linalg.eigvals(ve.matrix_with_spectral_radius(1.1))
    dominant = eigenvalues[eigenvalues.abs().argmax()]
    assert abs(dominant.imag.item()) > 0.1
