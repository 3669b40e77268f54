"""Computational graphs: gradients of paths add up; each primitive has a local gradient."""

from __future__ import annotations

# --8<-- [start:paths]
import torch


def xy_plus_x_squared(x: float, y: float) -> dict[str, float]:
    """Forward and backward pass of f = a + b with a = x*y, b = x**2."""
    a = x * y
    b = x**2
    f = a + b
    df_da, df_db = 1.0, 1.0  # f = a + b
    via_a = df_da * y  # path x -> a -> f
    via_b = df_db * 2 * x  # path x -> b -> f
    values = {"x": x, "y": y, "a": a, "b": b, "f": f, "df/da": df_da, "df/db": df_db}
    gradients = {"df/dx via a": via_a, "df/dx via b": via_b, "df/dy": df_da * x}
    return values | gradients | {"df/dx": via_a + via_b}


def autograd_xy_plus_x_squared(x: float, y: float) -> tuple[float, float]:
    """(df/dx, df/dy) from PyTorch's autograd."""
    xt = torch.tensor(x, dtype=torch.float64, requires_grad=True)
    yt = torch.tensor(y, dtype=torch.float64, requires_grad=True)
    f = xt * yt + xt**2
    f.backward()
    return xt.grad.item(), yt.grad.item()


# --8<-- [end:paths]


# --8<-- [start:local]
def add_backward(upstream: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    return upstream, upstream


def mul_backward(
    a: torch.Tensor, b: torch.Tensor, upstream: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    return upstream * b, upstream * a


def exp_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    return upstream * torch.exp(x)


def log_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    return upstream / x


def square_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    return upstream * 2 * x


def sigmoid_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    s = torch.sigmoid(x)
    return upstream * s * (1 - s)


def tanh_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    return upstream * (1 - torch.tanh(x) ** 2)


def relu_backward(x: torch.Tensor, upstream: torch.Tensor) -> torch.Tensor:
    return upstream * (x > 0).to(x.dtype)


UNARY_BACKWARDS = {  # name: (forward, backward)
    "exp": (torch.exp, exp_backward),
    "log": (torch.log, log_backward),
    "square": (torch.square, square_backward),
    "sigmoid": (torch.sigmoid, sigmoid_backward),
    "tanh": (torch.tanh, tanh_backward),
    "relu": (torch.relu, relu_backward),
}


# --8<-- [end:local]


# --8<-- [start:neuron]
def neuron_backward(w: torch.Tensor, x: torch.Tensor, b: torch.Tensor) -> dict[str, torch.Tensor]:
    """One reverse sweep through out = sigmoid(w·x + b), using the primitives above."""
    products = w * x  # forward, keeping every intermediate
    z = products.sum() + b
    grad_z = sigmoid_backward(z, torch.ones_like(z))  # start: d out / d out = 1
    grad_sum, grad_b = add_backward(grad_z)
    grad_w, grad_x = mul_backward(w, x, grad_sum.expand_as(products))
    return {"out": torch.sigmoid(z), "w": grad_w, "x": grad_x, "b": grad_b}


# --8<-- [end:neuron]


_XY = xy_plus_x_squared(3.0, 2.0)
DEMO_X, DEMO_Y = _XY["x"], _XY["y"]
DEMO_F = _XY["f"]
DEMO_DF_DX_VIA_A = _XY["df/dx via a"]
DEMO_DF_DX_VIA_B = _XY["df/dx via b"]
DEMO_DF_DX = _XY["df/dx"]
DEMO_DF_DY = _XY["df/dy"]


if __name__ == "__main__":
    # --8<-- [start:demo_paths]
    values = xy_plus_x_squared(3.0, 2.0)
    for name in ("a", "b", "f", "df/dx via a", "df/dx via b", "df/dx", "df/dy"):
        print(f"{name:12} = {values[name]:g}")
    print("autograd (df/dx, df/dy):", autograd_xy_plus_x_squared(3.0, 2.0))
    # --8<-- [end:demo_paths]

    # --8<-- [start:demo_local]
    x = torch.tensor([0.5, 1.0, 2.0], requires_grad=True)  # (1)!
    upstream = torch.tensor([0.3, -2.0, 1.0])  # (2)!
    for name, (op, backward) in UNARY_BACKWARDS.items():
        (expected,) = torch.autograd.grad(op(x), x, grad_outputs=upstream)
        print(f"{name:8} {torch.allclose(backward(x, upstream), expected)}")
    # --8<-- [end:demo_local]

    # --8<-- [start:demo_neuron]
    w = torch.tensor([2.0, -3.0], requires_grad=True)
    x = torch.tensor([-1.0, -2.0], requires_grad=True)
    b = torch.tensor(-3.0, requires_grad=True)
    by_hand = neuron_backward(w.detach(), x.detach(), b.detach())
    torch.sigmoid(w @ x + b).backward()  # (1)!
    print(f"out = {by_hand['out']:.4f}")
    print("dout/dw:", by_hand["w"], w.grad)
    print("dout/dx:", by_hand["x"], x.grad)
    print("dout/db:", by_hand["b"], b.grad)
    # --8<-- [end:demo_neuron]
