"""Autograd: leaves, grad_fn, backward on scalars and non-scalars, accumulation, no_grad,
inference_mode, detach vs .data, NumPy conversion and Python control flow."""

from __future__ import annotations

# --8<-- [start:imports]
import torch

# --8<-- [end:imports]
from snippets.pytorch_basics.errors import error_message


# --8<-- [start:double_until]
def double_until(x: torch.Tensor, limit: float) -> torch.Tensor:
    """Double x until it reaches limit: how often depends on the value of x."""
    while x < limit:
        x = 2 * x
    return x


# --8<-- [end:double_until]


def scalar_gradient() -> float:
    """d/dw (w*x - 5)^2 at w = 2, x = 3: 2 * (6 - 5) * 3."""
    w = torch.tensor(2.0, requires_grad=True)
    loss = (w * 3.0 - 5.0) ** 2
    loss.backward()
    return w.grad.item()


def control_flow_gradient(start: float, limit: float = 10.0) -> float:
    x = torch.tensor(start, requires_grad=True)
    double_until(x, limit).backward()
    return x.grad.item()


def data_gradient_is_silently_wrong() -> tuple[list[float], list[float]]:
    """Gradients of sum(sigmoid(a)), untouched and after zeroing the output through .data."""
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(a)
    out.sum().backward()
    right = a.grad.tolist()
    b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(b)
    out.data.zero_()
    out.sum().backward()
    return right, b.grad.tolist()


SCALAR_GRADIENT = scalar_gradient()
GRADIENT_FROM_1_5 = control_flow_gradient(1.5)
GRADIENT_FROM_3 = control_flow_gradient(3.0)


if __name__ == "__main__":
    # --8<-- [start:leaf]
    w = torch.tensor(2.0, requires_grad=True)  # (1)!
    x = torch.tensor(3.0)  # (2)!
    y = w * x
    loss = (y - 5.0) ** 2
    print(w.is_leaf, x.is_leaf, y.is_leaf, loss.is_leaf)
    print(w.grad_fn, y.grad_fn.name(), loss.grad_fn.name())  # (3)!
    print(loss.grad_fn.next_functions[0][0].name())  # (4)!
    print([fn.name() if fn else None for fn, _ in y.grad_fn.next_functions])  # (5)!
    # --8<-- [end:leaf]

    # --8<-- [start:backward_scalar]
    loss.backward()
    print(w.grad)  # (1)!
    print(x.grad)  # (2)!
    # --8<-- [end:backward_scalar]

    # --8<-- [start:backward_nonscalar]
    v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    squares = v**2
    print(error_message(lambda: squares.backward()))  # (1)!
    squares.backward(gradient=torch.ones(3))  # (2)!
    print(v.grad)
    v.grad = None
    (v**2).backward(gradient=torch.tensor([1.0, 0.0, 10.0]))  # (3)!
    print(v.grad)
    # --8<-- [end:backward_nonscalar]

    # --8<-- [start:accumulate]
    w = torch.tensor(2.0, requires_grad=True)
    for _ in range(3):
        loss = (w * 3.0 - 5.0) ** 2  # a new graph each time
        loss.backward()
        print(w.grad)  # (1)!
    w.grad.zero_()  # (2)!
    print(w.grad)
    w.grad = None  # (3)!
    print(w.grad)
    # --8<-- [end:accumulate]

    # --8<-- [start:backward_twice]
    w = torch.tensor(2.0, requires_grad=True)
    loss = (w * 3.0 - 5.0) ** 2
    loss.backward()
    print(error_message(lambda: loss.backward()))  # (1)!
    w.grad = None
    loss = (w * 3.0 - 5.0) ** 2
    loss.backward(retain_graph=True)  # (2)!
    loss.backward()
    print(w.grad)  # (3)!
    # --8<-- [end:backward_twice]

    # --8<-- [start:non_leaf]
    w = torch.tensor(2.0, requires_grad=True)
    y = w * 3.0
    y.retain_grad()  # (1)!
    loss = (y - 5.0) ** 2
    loss.backward()
    print(y.grad, w.grad)  # (2)!
    # --8<-- [end:non_leaf]

    # --8<-- [start:in_place_saved]
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(a)  # (1)!
    out.mul_(2)  # (2)!
    print(error_message(lambda: out.sum().backward()))
    out = torch.sigmoid(a) * 2  # (3)!
    out.sum().backward()
    print(a.grad.round(decimals=4))
    # --8<-- [end:in_place_saved]

    # --8<-- [start:no_grad]
    w = torch.tensor(2.0, requires_grad=True)
    with torch.no_grad():
        y = w * 3.0
    print(y.requires_grad, y.grad_fn)  # (1)!
    with torch.inference_mode():
        z = w * 3.0
    print(z.requires_grad, z.is_inference())  # (2)!
    print(error_message(lambda: (w * z).backward()))  # (3)!
    print((w * z.clone()).requires_grad)  # (4)!
    # --8<-- [end:no_grad]

    # --8<-- [start:detach_vs_data]
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(a)
    out.detach().zero_()  # (1)!
    print(error_message(lambda: out.sum().backward()))
    b = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(b)
    out.data.zero_()  # (2)!
    out.sum().backward()
    print(b.grad)  # (3)!
    # --8<-- [end:detach_vs_data]

    # --8<-- [start:to_numpy]
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    print(error_message(lambda: w.numpy()))
    print(w.detach().numpy())  # (1)!
    print(w.detach().cpu().numpy())  # (2)!
    # --8<-- [end:to_numpy]

    # --8<-- [start:control_flow]
    for start in (1.5, 3.0):
        x = torch.tensor(start, requires_grad=True)
        y = double_until(x, limit=10.0)
        y.backward()
        print(start, y.item(), x.grad.item())  # (1)!
    # --8<-- [end:control_flow]
