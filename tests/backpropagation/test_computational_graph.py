import pytest
import torch

from snippets.backpropagation import computational_graph as cg


@pytest.mark.parametrize(("x", "y"), [(3.0, 2.0), (-1.5, 0.25), (0.0, -4.0)])
def test_path_gradients_add_up_to_autograd(x, y):
    values = cg.xy_plus_x_squared(x, y)
    assert values["f"] == pytest.approx(x * y + x**2)
    assert values["df/dx"] == values["df/dx via a"] + values["df/dx via b"]
    torch.testing.assert_close(
        (values["df/dx"], values["df/dy"]), cg.autograd_xy_plus_x_squared(x, y)
    )


def test_demo_values():
    assert (cg.DEMO_F, cg.DEMO_DF_DX_VIA_A, cg.DEMO_DF_DX_VIA_B) == (15.0, 2.0, 6.0)
    assert (cg.DEMO_DF_DX, cg.DEMO_DF_DY) == (8.0, 3.0)


def test_one_path_alone_is_not_the_gradient():
    values = cg.xy_plus_x_squared(3.0, 2.0)
    autograd_dx, _ = cg.autograd_xy_plus_x_squared(3.0, 2.0)
    assert values["df/dx via a"] != autograd_dx
    assert values["df/dx via b"] != autograd_dx


@pytest.mark.parametrize("name", list(cg.UNARY_BACKWARDS))
def test_unary_local_gradients_match_autograd(name):
    op, backward = cg.UNARY_BACKWARDS[name]
    torch.manual_seed(0)
    x = torch.linspace(-3, 3, 61, dtype=torch.float64)
    if name == "log":
        x = x.abs() + 0.1
    x = x[x != 0].requires_grad_()
    upstream = torch.randn_like(x)
    (expected,) = torch.autograd.grad(op(x), x, grad_outputs=upstream)
    torch.testing.assert_close(backward(x.detach(), upstream), expected)


def test_binary_local_gradients_match_autograd():
    torch.manual_seed(1)
    a = torch.randn(5, dtype=torch.float64, requires_grad=True)
    b = torch.randn(5, dtype=torch.float64, requires_grad=True)
    upstream = torch.randn(5, dtype=torch.float64)
    for op, backward in ((torch.add, None), (torch.mul, cg.mul_backward)):
        expected = torch.autograd.grad(op(a, b), (a, b), grad_outputs=upstream)
        mine = cg.add_backward(upstream) if backward is None else backward(a, b, upstream)
        torch.testing.assert_close(mine, expected)


def test_neuron_reverse_sweep_matches_autograd():
    torch.manual_seed(2)
    w = torch.randn(4, dtype=torch.float64, requires_grad=True)
    x = torch.randn(4, dtype=torch.float64, requires_grad=True)
    b = torch.randn((), dtype=torch.float64, requires_grad=True)
    out = torch.sigmoid(w @ x + b)
    out.backward()
    mine = cg.neuron_backward(w.detach(), x.detach(), b.detach())
    torch.testing.assert_close(mine["out"], out.detach())
    torch.testing.assert_close(mine["w"], w.grad)
    torch.testing.assert_close(mine["x"], x.grad)
    torch.testing.assert_close(mine["b"], b.grad)
