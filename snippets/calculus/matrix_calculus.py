"""Matrix calculus in numerator layout: shapes, Jacobians and gradients checked by autograd."""

from __future__ import annotations

# --8<-- [start:setup]
import torch
from torch.autograd.functional import jacobian

# --8<-- [end:setup]


# --8<-- [start:formulas]
def two_x_squared_gradient(x: torch.Tensor) -> torch.Tensor:
    """∇(2 xᵀx) = 4x."""
    return 4 * x


def sum_gradient(x: torch.Tensor) -> torch.Tensor:
    """∇(Σ xᵢ) = a vector of ones."""
    return torch.ones_like(x)


def linear_map_jacobian(a: torch.Tensor) -> torch.Tensor:
    """∂(Ax)/∂x = A, an m × n matrix."""
    return a


def quadratic_form_gradient(a: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """∇(xᵀAx) = (A + Aᵀ) x."""
    return (a + a.T) @ x


# --8<-- [end:formulas]


X_EXAMPLE = torch.arange(4.0)
Y_AT_EXAMPLE = (2 * X_EXAMPLE @ X_EXAMPLE).item()
GRADIENT_LAST_ENTRY = two_x_squared_gradient(X_EXAMPLE)[-1].item()


if __name__ == "__main__":
    # --8<-- [start:demo_two_x_squared]
    x = torch.arange(4.0, requires_grad=True)  # (1)!
    y = 2 * x @ x
    y.backward()
    print(y.item())
    print(x.grad)
    print(torch.equal(x.grad, two_x_squared_gradient(x)))
    # --8<-- [end:demo_two_x_squared]

    # --8<-- [start:demo_sum]
    x.grad.zero_()  # (1)!
    x.sum().backward()
    print(x.grad)
    # --8<-- [end:demo_sum]

    # --8<-- [start:demo_shapes]
    t = torch.tensor(2.0)
    v = torch.arange(4.0)
    a = torch.arange(12.0).reshape(3, 4)
    print(jacobian(lambda s: s**3, t).shape)
    print(jacobian(lambda s: torch.stack([s, s**2, s**3]), t).shape)
    print(jacobian(lambda u: 2 * u @ u, v).shape)
    print(jacobian(lambda u: a @ u, v).shape)
    # --8<-- [end:demo_shapes]

    # --8<-- [start:demo_jacobian]
    torch.manual_seed(0)
    a = torch.randn(3, 4)
    x = torch.randn(4)
    jac = jacobian(lambda u: a @ u, x)
    print(jac.shape)
    print(torch.equal(jac, linear_map_jacobian(a)))
    # --8<-- [end:demo_jacobian]

    # --8<-- [start:demo_quadratic_form]
    a = torch.randn(4, 4, dtype=torch.float64)  # (1)!
    x = torch.randn(4, dtype=torch.float64, requires_grad=True)
    (x @ a @ x).backward()
    print(torch.allclose(x.grad, quadratic_form_gradient(a, x)))
    print(torch.allclose(x.grad, 2 * a @ x))  # (2)!
    # --8<-- [end:demo_quadratic_form]

    # --8<-- [start:demo_chain]
    w = torch.randn(3, 4, dtype=torch.float64)
    x = torch.randn(4, dtype=torch.float64, requires_grad=True)
    y = torch.tanh(w @ x)
    upstream = torch.randn(3, dtype=torch.float64)  # (1)!
    y.backward(upstream)
    jac = jacobian(lambda u: torch.tanh(w @ u), x.detach())
    print(jac.shape)
    print(torch.allclose(x.grad, jac.T @ upstream))  # (2)!
    # --8<-- [end:demo_chain]
