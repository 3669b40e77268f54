import pytest
import torch
from torch.autograd.functional import jacobian

from snippets.calculus import matrix_calculus as mc


def autograd_gradient(f, x: torch.Tensor) -> torch.Tensor:
    x = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(f(x), x)
    return grad


def test_two_x_squared_at_the_worked_example():
    x = torch.tensor([0.0, 1.0, 2.0, 3.0])
    assert mc.Y_AT_EXAMPLE == 28.0
    grad = autograd_gradient(lambda u: 2 * u @ u, x)
    torch.testing.assert_close(grad, torch.tensor([0.0, 4.0, 8.0, 12.0]))
    torch.testing.assert_close(mc.two_x_squared_gradient(x), grad)
    assert mc.GRADIENT_LAST_ENTRY == 12.0


def test_two_x_squared_gradient_on_random_inputs():
    torch.manual_seed(0)
    x = torch.randn(7, dtype=torch.float64)
    torch.testing.assert_close(
        mc.two_x_squared_gradient(x), autograd_gradient(lambda u: 2 * u @ u, x)
    )


def test_sum_gives_a_vector_of_ones():
    x = torch.arange(4.0)
    grad = autograd_gradient(torch.sum, x)
    torch.testing.assert_close(grad, torch.ones(4))
    torch.testing.assert_close(mc.sum_gradient(x), grad)


def test_gradients_accumulate_without_zeroing():
    x = torch.arange(4.0, requires_grad=True)
    (2 * x @ x).backward()
    x.sum().backward()
    torch.testing.assert_close(x.grad, torch.tensor([1.0, 5.0, 9.0, 13.0]))


def test_jacobian_shapes_follow_numerator_layout():
    t = torch.tensor(2.0)
    v = torch.arange(4.0)
    a = torch.arange(12.0).reshape(3, 4)
    assert jacobian(lambda s: s**3, t).shape == ()
    assert jacobian(lambda s: torch.stack([s, s**2, s**3]), t).shape == (3,)
    assert jacobian(lambda u: 2 * u @ u, v).shape == v.shape
    assert jacobian(lambda u: a @ u, v).shape == (3, 4)


def test_vector_by_scalar_derivative_is_a_vector():
    jac = jacobian(lambda s: torch.stack([s, s**2, s**3]), torch.tensor(2.0))
    torch.testing.assert_close(jac, torch.tensor([1.0, 4.0, 12.0]))


def test_jacobian_of_linear_map_is_the_matrix():
    torch.manual_seed(0)
    a = torch.randn(3, 4, dtype=torch.float64)
    x = torch.randn(4, dtype=torch.float64)
    torch.testing.assert_close(jacobian(lambda u: a @ u, x), mc.linear_map_jacobian(a))


def test_quadratic_form_gradient_matches_autograd():
    torch.manual_seed(1)
    a = torch.randn(5, 5, dtype=torch.float64)
    x = torch.randn(5, dtype=torch.float64)
    grad = autograd_gradient(lambda u: u @ a @ u, x)
    torch.testing.assert_close(mc.quadratic_form_gradient(a, x), grad)
    assert not torch.allclose(grad, 2 * a @ x)


def test_quadratic_form_gradient_is_two_a_x_for_symmetric_a():
    torch.manual_seed(2)
    b = torch.randn(4, 4, dtype=torch.float64)
    a = b + b.T
    x = torch.randn(4, dtype=torch.float64)
    torch.testing.assert_close(mc.quadratic_form_gradient(a, x), 2 * a @ x)


def test_backward_with_upstream_vector_is_jacobian_transpose_product():
    torch.manual_seed(3)
    w = torch.randn(3, 4, dtype=torch.float64)
    x = torch.randn(4, dtype=torch.float64, requires_grad=True)
    upstream = torch.randn(3, dtype=torch.float64)
    torch.tanh(w @ x).backward(upstream)
    jac = jacobian(lambda u: torch.tanh(w @ u), x.detach())
    assert jac.shape == (3, 4)
    torch.testing.assert_close(x.grad, jac.T @ upstream)


def test_backward_on_a_vector_needs_an_upstream_gradient():
    x = torch.arange(3.0, requires_grad=True)
    with pytest.raises(RuntimeError, match="only for scalar outputs"):
        (2 * x).backward()


def test_backward_with_a_vector_adds_to_x_grad():
    torch.manual_seed(0)
    weight, x = torch.randn(3, 4), torch.randn(4, requires_grad=True)
    v = torch.randn(3)
    torch.tanh(weight @ x).backward(v)
    first = x.grad.clone()
    torch.tanh(weight @ x).backward(v)
    torch.testing.assert_close(x.grad, 2 * first)
