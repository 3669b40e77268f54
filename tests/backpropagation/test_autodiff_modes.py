import pytest
import torch
from torch.func import hessian, jacfwd, jacrev, jvp, vjp

from snippets.backpropagation import autodiff_modes as am


@pytest.mark.parametrize("seed", [None, 0, 1])
def test_all_four_jacobians_equal_the_hand_derived_one(seed):
    x = am.x
    if seed is not None:
        torch.manual_seed(seed)
        x = torch.randn(3, dtype=torch.float64)
    J = am.jacobian_by_hand(x)
    torch.testing.assert_close(torch.autograd.functional.jacobian(am.f, x), J)
    for jac in (jacfwd(am.f)(x), jacrev(am.f)(x), am.jacobian_by_jvps(am.f, x),
                am.jacobian_by_vjps(am.f, x)):  # fmt: skip
        torch.testing.assert_close(jac, J)


def test_jvp_is_j_times_v_and_vjp_is_u_times_j():
    torch.manual_seed(0)
    v, u = torch.randn(3, dtype=torch.float64), torch.randn(2, dtype=torch.float64)
    J = am.jacobian_by_hand(am.x)
    y, Jv = jvp(am.f, (am.x,), (v,))
    torch.testing.assert_close(y, am.f(am.x))
    torch.testing.assert_close(Jv, J @ v)
    _, pullback = vjp(am.f, am.x)
    torch.testing.assert_close(pullback(u)[0], u @ J)
    x = am.x.clone().requires_grad_()
    am.f(x).backward(u)  # backward() is a VJP
    torch.testing.assert_close(x.grad, u @ J)


def test_backward_flops_are_a_fixed_multiple_of_forward_flops():
    # depth 4: forward has 4 big matmuls; backward 4 weight grads + 3 input grads
    assert am.flop_ratio_small() == pytest.approx(1.75, abs=2e-3)
    assert am.flop_ratio_large() == pytest.approx(1.75, abs=2e-4)
    assert am.params_large() / am.params_small() > 250
    for _, forward, backward in am.flops_by_width().values():
        assert backward < am.FLOP_RATIO_LIMIT * forward


def test_flop_count_of_one_linear_layer():
    W, X = torch.randn(3, 5), torch.randn(7, 5)
    assert am.count_flops(lambda: X @ W.T) == 2 * 7 * 5 * 3


def test_backward_time_is_a_small_multiple_of_forward_time():
    assert 0.5 < am.backward_to_forward_time(width=256, batch=128) < 10


def test_forward_mode_wins_with_few_inputs_and_reverse_mode_with_few_outputs():
    assert am.jacrev_over_jacfwd_few_inputs() == 250
    assert am.jacfwd_over_jacrev_few_outputs() == 250
    few_in = am.jacobian_flops(4, 1000)
    few_out = am.jacobian_flops(1000, 4)
    assert few_in["jacfwd"] < few_in["jacrev"]
    assert few_out["jacrev"] < few_out["jacfwd"]
    g = am.layer_map(4, 1000)
    x = torch.randn(4, dtype=torch.float64)
    torch.testing.assert_close(jacfwd(g)(x), jacrev(g)(x))


def test_higher_derivatives_match_the_analytic_values():
    for t in (-1.0, 0.0, 1.5, 3.0):
        assert am.derivatives_by_autograd(t) == pytest.approx([3 * t**2 - 2, 6 * t, 6.0])
    assert (am.FIRST, am.SECOND, am.THIRD) == (4.75, 9.0, 6.0)


def test_without_create_graph_the_first_derivative_cannot_be_differentiated():
    t = torch.tensor(1.5, dtype=torch.float64, requires_grad=True)
    (d1,) = torch.autograd.grad(am.cubic(t), t)
    assert not d1.requires_grad
    with pytest.raises(RuntimeError):
        torch.autograd.grad(d1, t)
    # added to a loss, such a term silently counts as a constant
    w, x = 2.0, 3.0
    assert am.PENALTY_WITHOUT_GRAPH == x**2
    assert am.PENALTY_WITH_GRAPH == x**2 + 2 * (2 * w * x) * (2 * x)


@pytest.mark.parametrize("seed", [0, 1])
def test_hessian_vector_products(seed):
    torch.manual_seed(seed)
    x, v = torch.randn(5, dtype=torch.float64), torch.randn(5, dtype=torch.float64)
    H = am.hessian_by_hand(x)
    torch.testing.assert_close(hessian(am.quadratic_plus_cos)(x), H)
    torch.testing.assert_close(torch.autograd.functional.hessian(am.quadratic_plus_cos, x), H)
    torch.testing.assert_close(am.hvp_double_backward(am.quadratic_plus_cos, x, v), H @ v)
    torch.testing.assert_close(am.hvp_forward_over_reverse(am.quadratic_plus_cos, x, v), H @ v)
    _, hv = torch.autograd.functional.hvp(am.quadratic_plus_cos, x, v)
    torch.testing.assert_close(hv, H @ v)
