"""Vanishing and exploding gradients: products of per-layer factors, and what keeps them near 1."""

from __future__ import annotations

# --8<-- [start:stack]
import math

import torch
from torch import nn


def make_stack(
    activation: type[nn.Module],
    depth: int = 20,
    width: int = 64,
    weight_std: float | None = None,
    layer_norm: bool = False,
) -> nn.Sequential:
    """`depth` square linear layers with (LayerNorm and) `activation` in between."""
    layers: list[nn.Module] = []
    for i in range(depth):
        linear = nn.Linear(width, width)
        if weight_std is not None:
            nn.init.normal_(linear.weight, std=weight_std)
        elif activation is nn.ReLU:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")  # He
        else:
            nn.init.xavier_normal_(linear.weight)  # Xavier
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if i < depth - 1:
            layers += [nn.LayerNorm(width)] if layer_norm else []
            layers.append(activation())
    return nn.Sequential(*layers)


def backward_signals(
    net: nn.Sequential, x: torch.Tensor, upstream: torch.Tensor
) -> tuple[list[torch.Tensor], list[torch.Tensor]]:
    """Input h of every linear layer, and the gradient of sum(net(x) * upstream) w.r.t. h."""
    inputs = []
    h = x.detach().requires_grad_()
    for module in net:
        if isinstance(module, nn.Linear):
            inputs.append(h)
        h = module(h)
    grads = torch.autograd.grad((h * upstream).sum(), inputs)
    return [inp.detach() for inp in inputs], list(grads)


def norms_per_layer(net: nn.Sequential, batch: int = 128) -> tuple[list[float], list[float]]:
    """Norms of each linear layer's input and of the gradient that reaches it."""
    x = torch.randn(batch, net[0].in_features)
    upstream = torch.randn(batch, net[-1].out_features)
    inputs, grads = backward_signals(net, x, upstream)
    return [h.norm().item() for h in inputs], [g.norm().item() for g in grads]


def factor_per_layer(grad_norms: list[float]) -> float:
    """Geometric mean of the factor one layer applies to the gradient norm."""
    return (grad_norms[0] / grad_norms[-1]) ** (1 / (len(grad_norms) - 1))


# --8<-- [end:stack]


# --8<-- [start:recurrence]
def matrix_with_spectral_radius(rho: float, n: int = 16, seed: int = 0) -> torch.Tensor:
    """A random n x n matrix scaled so that its largest |eigenvalue| is rho."""
    a = torch.randn(n, n, generator=torch.Generator().manual_seed(seed))
    return rho * a / spectral_radius(a)


def spectral_radius(w: torch.Tensor) -> float:
    return torch.linalg.eigvals(w).abs().max().item()


def recurrence_gradient_norms(w: torch.Tensor, steps: int = 50, seed: int = 1) -> list[float]:
    """L = v · h_T with h_t = W h_(t-1): norm of dL/dh_(T-k), k = 0 … steps."""
    g = torch.Generator().manual_seed(seed)
    h = torch.randn(w.shape[0], generator=g).requires_grad_()
    states = [h]
    for _ in range(steps):
        states.append(w @ states[-1])
    v = torch.randn(w.shape[0], generator=g)
    grads = torch.autograd.grad(v @ states[-1], states)
    return [grad.norm().item() for grad in reversed(grads)]


# --8<-- [end:recurrence]


# --8<-- [start:init]
def relu_factor(width: int, weight_std: float) -> float:
    """Expected per-layer gradient factor of a ReLU layer: sqrt(n σ² / 2)."""
    return math.sqrt(width * weight_std**2 / 2)


# --8<-- [end:init]


# --8<-- [start:layer_norm]
def layer_norm(a: torch.Tensor, eps: float = 1e-5) -> torch.Tensor:
    """(a - mean) / sqrt(var + eps) over the last dimension: nn.LayerNorm before it learns."""
    mean = a.mean(dim=-1, keepdim=True)
    var = a.var(dim=-1, unbiased=False, keepdim=True)
    return (a - mean) / torch.sqrt(var + eps)


# --8<-- [end:layer_norm]


# --8<-- [start:clip]
def run_backward(net: nn.Sequential, batch: int = 128) -> None:
    """Fill every .grad with one backward pass of sum(net(x) * upstream), both random."""
    x = torch.randn(batch, net[0].in_features)
    upstream = torch.randn(batch, net[-1].out_features)
    (net(x) * upstream).sum().backward()


def clip_by_norm(grads: list[torch.Tensor], max_norm: float) -> list[torch.Tensor]:
    """g · min(1, c / ‖g‖), with ‖g‖ the norm of all gradients taken together."""
    total = torch.linalg.vector_norm(torch.cat([g.flatten() for g in grads]))
    return [g * min(1.0, max_norm / total.item()) for g in grads]


def total_grad_norm(net: nn.Module) -> float:
    grads = [p.grad.flatten() for p in net.parameters() if p.grad is not None]
    return torch.linalg.vector_norm(torch.cat(grads)).item()


# --8<-- [end:clip]


def stack_grad_norms(activation: type[nn.Module], **options: float | bool) -> list[float]:
    """Gradient norms at the inputs of the 20 linear layers, seeded like the demos."""
    torch.manual_seed(0)
    return norms_per_layer(make_stack(activation, **options))[1]


def stack_input_norms(activation: type[nn.Module], **options: float | bool) -> list[float]:
    torch.manual_seed(0)
    return norms_per_layer(make_stack(activation, **options))[0]


def first_to_last(norms: list[float]) -> float:
    return norms[0] / norms[-1]


def weight_grad_norms(activation: type[nn.Module], **options: float | bool) -> list[float]:
    """Weight-gradient norm of each linear layer after the same backward pass as the demos."""
    torch.manual_seed(0)
    net = make_stack(activation, **options)
    run_backward(net)
    return [m.weight.grad.norm().item() for m in net if isinstance(m, nn.Linear)]


def default_init_relu_factor() -> float:
    """Measured per-layer factor of the 20-layer ReLU stack with nn.Linear's own initialization."""
    torch.manual_seed(0)
    net = make_stack(nn.ReLU)
    for module in net:
        if isinstance(module, nn.Linear):
            module.reset_parameters()
    return factor_per_layer(norms_per_layer(net)[1])


def recurrence_growth(rho: float, last: int = 20) -> float:
    """Per-step growth of the gradient norm over the last `last` steps of the recurrence."""
    norms = recurrence_gradient_norms(matrix_with_spectral_radius(rho))
    return (norms[-1] / norms[-1 - last]) ** (1 / last)


def recurrence_total_growth(rho: float) -> float:
    norms = recurrence_gradient_norms(matrix_with_spectral_radius(rho))
    return norms[-1] / norms[0]


def clipped_norms(max_norm: float = 1.0) -> tuple[float, float]:
    """Total gradient norm of the std-1 ReLU stack before and after clip_grad_norm_."""
    torch.manual_seed(0)
    net = make_stack(nn.ReLU, weight_std=1.0)
    run_backward(net)
    before = nn.utils.clip_grad_norm_(net.parameters(), max_norm).item()
    return before, total_grad_norm(net)


SIGMOID_NORMS = stack_grad_norms(nn.Sigmoid)
HE_NORMS = stack_grad_norms(nn.ReLU)
STD1_NORMS = stack_grad_norms(nn.ReLU, weight_std=1.0)
LAYER_NORM_NORMS = stack_grad_norms(nn.ReLU, weight_std=1.0, layer_norm=True)
SIGMOID_LAYER_NORM_NORMS = stack_grad_norms(nn.Sigmoid, layer_norm=True)

SIGMOID_FACTOR = factor_per_layer(SIGMOID_NORMS)
SIGMOID_ORDERS_LOST = -math.log10(first_to_last(SIGMOID_NORMS))
HE_FACTOR = factor_per_layer(HE_NORMS)
HE_RATIO = first_to_last(HE_NORMS)
STD1_FACTOR = factor_per_layer(STD1_NORMS)
STD1_ORDERS_GAINED = math.log10(first_to_last(STD1_NORMS))
STD1_PREDICTED_FACTOR = relu_factor(64, 1.0)
HE_PREDICTED_FACTOR = relu_factor(64, math.sqrt(2 / 64))
STD1_WEIGHT_GRADS = weight_grad_norms(nn.ReLU, weight_std=1.0)
STD1_SMALLEST_WEIGHT_GRAD = min(STD1_WEIGHT_GRADS)
STD1_WEIGHT_GRAD_SPREAD = max(STD1_WEIGHT_GRADS) / min(STD1_WEIGHT_GRADS)
DEFAULT_INIT_PREDICTED_FACTOR = relu_factor(64, 1 / math.sqrt(3 * 64))
DEFAULT_INIT_FACTOR = default_init_relu_factor()

LAYER_NORM_RATIO = first_to_last(LAYER_NORM_NORMS)
LAYER_NORM_FACTOR = factor_per_layer(LAYER_NORM_NORMS)
STD1_LAST_INPUT_ORDER = math.floor(math.log10(stack_input_norms(nn.ReLU, weight_std=1.0)[-1]))
LAYER_NORM_LAST_INPUT = stack_input_norms(nn.ReLU, weight_std=1.0, layer_norm=True)[-1]
SIGMOID_LAYER_NORM_FACTOR = factor_per_layer(SIGMOID_LAYER_NORM_NORMS)


def layer_norm_input_std(activation: type[nn.Module] = nn.Sigmoid) -> float:
    """Mean standard deviation (over features) of what the LayerNorms of the stack receive."""
    torch.manual_seed(0)
    net = make_stack(activation, layer_norm=True)
    h, stds = torch.randn(128, net[0].in_features), []
    for module in net:
        if isinstance(module, nn.LayerNorm):
            stds.append(h.std(dim=-1).mean().item())
        h = module(h)
    return sum(stds) / len(stds)


def mean_sigmoid_derivative_on_standard_normal(points: int = 20001) -> float:
    """E[sigma'(Z)] for Z ~ N(0, 1), by the trapezoid rule on [-10, 10] in float64."""
    z = torch.linspace(-10, 10, points, dtype=torch.float64)
    s = torch.sigmoid(z)
    density = torch.exp(-(z**2) / 2) / math.sqrt(2 * math.pi)
    return torch.trapezoid(s * (1 - s) * density, z).item()


SIGMOID_LAYER_NORM_INPUT_STD = layer_norm_input_std()
MEAN_SIGMOID_DERIVATIVE_UNIT_NORMAL = mean_sigmoid_derivative_on_standard_normal()

RHO_UP, RHO_DOWN = 1.1, 0.9
GROWTH_UP = recurrence_growth(RHO_UP)
GROWTH_DOWN = recurrence_growth(RHO_DOWN)
TOTAL_GROWTH_UP = recurrence_total_growth(RHO_UP)
RHO_UP_POWER_50 = RHO_UP**50
TOTAL_GROWTH_DOWN = recurrence_total_growth(RHO_DOWN)
RHO_DOWN_POWER_50 = RHO_DOWN**50

NORM_BEFORE_CLIPPING, NORM_AFTER_CLIPPING = clipped_norms()
CLIPPING_ORDER = math.floor(math.log10(NORM_BEFORE_CLIPPING))


if __name__ == "__main__":
    # --8<-- [start:stack_demo]
    setups = {
        "sigmoid, Xavier": dict(activation=nn.Sigmoid),
        "ReLU, He": dict(activation=nn.ReLU),
        "ReLU, std 1": dict(activation=nn.ReLU, weight_std=1.0),
    }
    for name, options in setups.items():
        torch.manual_seed(0)
        _, grad_norms = norms_per_layer(make_stack(**options))
        ratio, factor = grad_norms[0] / grad_norms[-1], factor_per_layer(grad_norms)
        print(f"{name:16} first / last = {ratio:.1e}   per layer × {factor:.2f}")
    # --8<-- [end:stack_demo]

    # --8<-- [start:recurrence_demo]
    for rho in (1.1, 1.0, 0.9):
        w = matrix_with_spectral_radius(rho)
        norms = recurrence_gradient_norms(w)
        growth = (norms[-1] / norms[-21]) ** (1 / 20)  # (1)!
        total = norms[-1] / norms[0]
        print(f"rho = {rho:.2f}   50 steps back × {total:.3g}   per step × {growth:.3f}")
    # --8<-- [end:recurrence_demo]

    # --8<-- [start:init_demo]
    for name, std in (("He", math.sqrt(2 / 64)), ("std 1", 1.0)):
        torch.manual_seed(0)
        _, grad_norms = norms_per_layer(make_stack(nn.ReLU, weight_std=std))
        print(
            f"{name:6} predicted × {relu_factor(64, std):.2f}"
            f"   measured × {factor_per_layer(grad_norms):.2f}"
        )
    # --8<-- [end:init_demo]

    # --8<-- [start:layer_norm_demo]
    for use_norm in (False, True):
        torch.manual_seed(0)
        net = make_stack(nn.ReLU, weight_std=1.0, layer_norm=use_norm)
        input_norms, grad_norms = norms_per_layer(net)
        print(
            f"LayerNorm {use_norm!s:5}  last input {input_norms[-1]:.1e}"
            f"   grad first / last = {grad_norms[0] / grad_norms[-1]:.1e}"
        )
    # --8<-- [end:layer_norm_demo]

    # --8<-- [start:clip_demo]
    torch.manual_seed(0)
    net = make_stack(nn.ReLU, weight_std=1.0)
    run_backward(net)
    before = nn.utils.clip_grad_norm_(net.parameters(), max_norm=1.0)  # (1)!
    print(f"before {before.item():.2e}   after {total_grad_norm(net):.4f}")
    # --8<-- [end:clip_demo]
