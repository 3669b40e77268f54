"""Forward and reverse mode: JVPs, VJPs, their cost, and derivatives of derivatives."""

from __future__ import annotations

import functools

# --8<-- [start:setup]
import time
import timeit

import torch
from torch import nn
from torch.func import grad, hessian, jacfwd, jacrev, jvp, vjp
from torch.utils.flop_counter import FlopCounterMode


def f(x: torch.Tensor) -> torch.Tensor:
    """R^3 -> R^2: f(x) = (x0 x1, x0^2 + sin x2)."""
    return torch.stack([x[0] * x[1], x[0] ** 2 + torch.sin(x[2])])


def jacobian_by_hand(x: torch.Tensor) -> torch.Tensor:
    return torch.stack(
        [
            torch.stack([x[1], x[0], torch.zeros_like(x[0])]),
            torch.stack([2 * x[0], torch.zeros_like(x[0]), torch.cos(x[2])]),
        ]
    )


x = torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64)
# --8<-- [end:setup]


# --8<-- [start:columns_rows]
def jacobian_by_jvps(fn, x: torch.Tensor) -> torch.Tensor:
    """Forward mode: one JVP per input, each gives one column J e_j."""
    columns = [jvp(fn, (x,), (e,))[1] for e in torch.eye(len(x), dtype=x.dtype)]
    return torch.stack(columns, dim=1)


def jacobian_by_vjps(fn, x: torch.Tensor) -> torch.Tensor:
    """Reverse mode: one VJP per output, each gives one row e_i^T J."""
    y, pullback = vjp(fn, x)
    rows = [pullback(e)[0] for e in torch.eye(len(y), dtype=y.dtype)]
    return torch.stack(rows, dim=0)


# --8<-- [end:columns_rows]


# --8<-- [start:flops]
def count_flops(fn) -> int:
    """Floating-point operations of the matrix products that fn() runs."""
    with FlopCounterMode(display=False) as counter:
        fn()
    return counter.get_total_flops()


def mlp(width: int, depth: int = 4, seed: int = 0) -> nn.Sequential:
    torch.manual_seed(seed)
    layers = []
    for _ in range(depth):
        layers += [nn.Linear(width, width), nn.ReLU()]
    return nn.Sequential(*layers, nn.Linear(width, 1))


def forward_backward_flops(width: int, batch: int = 64) -> tuple[int, int, int]:
    """(parameters, FLOPs of the forward pass, FLOPs of the backward pass)."""
    net = mlp(width)
    X = torch.randn(batch, width)
    out = {}
    forward = count_flops(lambda: out.setdefault("loss", net(X).sum()))
    backward = count_flops(lambda: out["loss"].backward())
    return sum(p.numel() for p in net.parameters()), forward, backward


# --8<-- [end:flops]


# --8<-- [start:timing]
def backward_to_forward_time(width: int = 512, batch: int = 256) -> float:
    """CPU seconds of one backward pass over CPU seconds of one forward pass (best of 7)."""
    net, X = mlp(width), torch.randn(batch, width)

    def forward():
        return net(X).sum()

    def forward_and_backward():
        net.zero_grad(set_to_none=True)
        forward().backward()

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # (1)!
    try:
        forward_and_backward()  # warm-up
        timer = time.process_time  # (2)!
        t_forward = min(timeit.repeat(forward, number=3, repeat=7, timer=timer))
        t_both = min(timeit.repeat(forward_and_backward, number=3, repeat=7, timer=timer))
    finally:
        torch.set_num_threads(threads)
    return (t_both - t_forward) / t_forward


# --8<-- [end:timing]


# --8<-- [start:wide_narrow]
def layer_map(n_in: int, n_out: int, hidden: int = 64, seed: int = 0):
    """g: R^n_in -> R^n_out, g(x) = B tanh(A x)."""
    torch.manual_seed(seed)
    A = torch.randn(hidden, n_in, dtype=torch.float64) / n_in**0.5
    B = torch.randn(n_out, hidden, dtype=torch.float64) / hidden**0.5
    return lambda x: B @ torch.tanh(A @ x)


def jacobian_flops(n_in: int, n_out: int) -> dict[str, int]:
    g, x = layer_map(n_in, n_out), torch.randn(n_in, dtype=torch.float64)
    return {
        "jacfwd": count_flops(lambda: jacfwd(g)(x)),
        "jacrev": count_flops(lambda: jacrev(g)(x)),
    }


# --8<-- [end:wide_narrow]


# --8<-- [start:second]
def cubic(t: torch.Tensor) -> torch.Tensor:
    return t**3 - 2 * t  # f' = 3t^2 - 2, f'' = 6t, f''' = 6


def derivatives_by_autograd(t0: float = 1.5) -> list[float]:
    t = torch.tensor(t0, dtype=torch.float64, requires_grad=True)
    y = cubic(t)
    (d1,) = torch.autograd.grad(y, t, create_graph=True)  # (1)!
    (d2,) = torch.autograd.grad(d1, t, create_graph=True)
    (d3,) = torch.autograd.grad(d2, t)
    return [d1.item(), d2.item(), d3.item()]


# --8<-- [end:second]


# --8<-- [start:hvp]
torch.manual_seed(0)
A = torch.randn(5, 5, dtype=torch.float64)


def quadratic_plus_cos(x: torch.Tensor) -> torch.Tensor:
    """f(x) = 1/2 x^T A x + sum cos(x_i); its Hessian is (A + A^T)/2 - diag(cos x)."""
    return 0.5 * x @ A @ x + torch.cos(x).sum()


def hessian_by_hand(x: torch.Tensor) -> torch.Tensor:
    return (A + A.T) / 2 - torch.diag(torch.cos(x))


def hvp_double_backward(fn, x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """Reverse over reverse: differentiate (grad f . v) once more."""
    x = x.detach().requires_grad_()
    (g,) = torch.autograd.grad(fn(x), x, create_graph=True)
    (hv,) = torch.autograd.grad(g @ v, x)
    return hv


def hvp_forward_over_reverse(fn, x: torch.Tensor, v: torch.Tensor) -> torch.Tensor:
    """A JVP of the gradient function: the directional derivative of grad f along v."""
    return jvp(grad(fn), (x,), (v,))[1]


# --8<-- [end:hvp]


def penalty_gradient(create_graph: bool) -> float:
    """d/dw of y + (dy/dx)^2 for y = w x^2 at w = 2, x = 3: 9 + 2 (2wx)(2x) = 153 with the graph."""
    w = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    x = torch.tensor(3.0, dtype=torch.float64, requires_grad=True)
    y = w * x**2
    (g,) = torch.autograd.grad(y, x, create_graph=create_graph, retain_graph=True)
    (y + g**2).backward()
    return w.grad.item()


@functools.cache
def flops_by_width() -> dict[int, tuple[int, int, int]]:
    """(parameters, forward FLOPs, backward FLOPs) of the MLP at three widths; counting them
    takes seconds, so it is done when a check first asks, not on import."""
    return {width: forward_backward_flops(width) for width in (64, 256, 1024)}


def params_small() -> int:
    return flops_by_width()[64][0]


def params_large() -> int:
    return flops_by_width()[1024][0]


def flop_ratio(width: int) -> float:
    _, forward, backward = flops_by_width()[width]
    return backward / forward


def flop_ratio_small() -> float:
    return flop_ratio(64)


def flop_ratio_large() -> float:
    return flop_ratio(1024)


FLOP_RATIO_LIMIT = 2


def jacrev_over_jacfwd_few_inputs() -> float:
    flops = jacobian_flops(4, 1000)
    return flops["jacrev"] / flops["jacfwd"]


def jacfwd_over_jacrev_few_outputs() -> float:
    flops = jacobian_flops(1000, 4)
    return flops["jacfwd"] / flops["jacrev"]


FIRST, SECOND, THIRD = derivatives_by_autograd()
PENALTY_WITHOUT_GRAPH = penalty_gradient(create_graph=False)
PENALTY_WITH_GRAPH = penalty_gradient(create_graph=True)


if __name__ == "__main__":
    # --8<-- [start:demo_jvp_vjp]
    v = torch.tensor([1.0, 0.0, -1.0], dtype=torch.float64)  # a direction in input space
    u = torch.tensor([1.0, 1.0], dtype=torch.float64)  # a weighting of the outputs
    J = jacobian_by_hand(x)
    y, Jv = jvp(f, (x,), (v,))  # (1)!
    y, pullback = vjp(f, x)  # (2)!
    (uJ,) = pullback(u)
    print("J v   =", Jv, torch.allclose(Jv, J @ v))
    print("u^T J =", uJ, torch.allclose(uJ, u @ J))
    # --8<-- [end:demo_jvp_vjp]

    # --8<-- [start:demo_jacobians]
    for name, jac in [
        ("jacfwd", jacfwd(f)(x)),
        ("jacrev", jacrev(f)(x)),
        ("JVPs", jacobian_by_jvps(f, x)),
        ("VJPs", jacobian_by_vjps(f, x)),
    ]:
        print(f"{name:7}", torch.allclose(jac, J))
    # --8<-- [end:demo_jacobians]

    # --8<-- [start:demo_flops]
    for width in (64, 256, 1024):
        params, fwd, bwd = forward_backward_flops(width)
        print(f"{params:>9,} parameters   backward / forward FLOPs = {bwd / fwd:.3f}")
    # --8<-- [end:demo_flops]

    # --8<-- [start:demo_timing]
    ratio = backward_to_forward_time()
    print("backward / forward time between 0.5 and 10:", 0.5 < ratio < 10)
    # --8<-- [end:demo_timing]

    # --8<-- [start:demo_wide_narrow]
    for n_in, n_out in [(4, 1000), (1000, 4)]:
        flops = jacobian_flops(n_in, n_out)
        fwd, rev = flops["jacfwd"], flops["jacrev"]
        print(f"R^{n_in} -> R^{n_out}:  jacfwd {fwd:>11,}   jacrev {rev:>11,}")
    # --8<-- [end:demo_wide_narrow]

    # --8<-- [start:demo_second]
    print(derivatives_by_autograd(1.5))
    print([3 * 1.5**2 - 2, 6 * 1.5, 6.0])
    # --8<-- [end:demo_second]

    # --8<-- [start:demo_hvp]
    x5 = torch.randn(5, dtype=torch.float64)
    v5 = torch.randn(5, dtype=torch.float64)
    H = hessian_by_hand(x5)
    print(torch.allclose(hessian(quadratic_plus_cos)(x5), H))
    print(torch.allclose(hvp_double_backward(quadratic_plus_cos, x5, v5), H @ v5))
    print(torch.allclose(hvp_forward_over_reverse(quadratic_plus_cos, x5, v5), H @ v5))
    # --8<-- [end:demo_hvp]
