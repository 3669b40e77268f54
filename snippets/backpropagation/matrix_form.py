"""Backpropagation with whole matrices: dL/dW for a linear layer and the layer recursion."""

from __future__ import annotations

# --8<-- [start:layer]
import itertools
import math

import torch
from torch import nn

torch.manual_seed(0)
layer = nn.Linear(3, 2, dtype=torch.float64)  # weight: (out, in) = (2, 3)
X = torch.randn(4, 3, dtype=torch.float64)  # a batch of 4 examples, one per row
T = torch.randn(4, 2, dtype=torch.float64)

Y = layer(X)  # Y = X W^T + b, shape (4, 2)
loss = 0.5 * ((Y - T) ** 2).sum()
loss.backward()
# --8<-- [end:layer]


# --8<-- [start:rule]
def linear_backward(
    delta: torch.Tensor, X: torch.Tensor, W: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Given delta = dL/dY for Y = X W^T + b: the gradients of W, b and X."""
    grad_W = delta.T @ X  # (out, B) @ (B, in) = (out, in)
    grad_b = delta.sum(dim=0)  # every example adds its delta
    grad_X = delta @ W  # (B, out) @ (out, in) = (B, in)
    return grad_W, grad_b, grad_X


# --8<-- [end:rule]


# --8<-- [start:mlp]
def sigmoid_prime_from_output(h: torch.Tensor) -> torch.Tensor:
    return h * (1 - h)  # sigma'(a) = sigma(a) (1 - sigma(a))


def mlp_forward(weights, biases, X):
    """Sigmoid layers h_l = sigma(h_{l-1} W_l^T + b_l); returns [h_0 = X, h_1, ..., h_L]."""
    hs = [X]
    for W, b in zip(weights, biases, strict=True):
        hs.append(torch.sigmoid(hs[-1] @ W.T + b))
    return hs


def mlp_backward(weights, hs, T):
    """The recursion for E = 1/2 sum (h_L - T)^2: gradients of every W_l and b_l."""
    delta = (hs[-1] - T) * sigmoid_prime_from_output(hs[-1])  # delta_L
    grads_W, grads_b = [], []
    for k in range(len(weights), 0, -1):  # layer k = L, ..., 1
        grads_W.insert(0, delta.T @ hs[k - 1])  # dL/dW_k = delta_k^T H_{k-1}
        grads_b.insert(0, delta.sum(dim=0))
        if k > 1:  # delta_{k-1} = (delta_k W_k) * sigma'(a_{k-1})
            delta = (delta @ weights[k - 1]) * sigmoid_prime_from_output(hs[k - 1])
    return grads_W, grads_b


# --8<-- [end:mlp]


# --8<-- [start:two_two_two]
def classic_network():
    """The 2-2-2 network of the worked example as two weight matrices of shape (out, in)."""
    W1 = torch.tensor([[0.15, 0.20], [0.25, 0.30]], dtype=torch.float64)  # rows h1, h2
    W2 = torch.tensor([[0.40, 0.45], [0.50, 0.55]], dtype=torch.float64)  # rows o1, o2
    b1 = torch.full((2,), 0.35, dtype=torch.float64)
    b2 = torch.full((2,), 0.60, dtype=torch.float64)
    X = torch.tensor([[0.05, 0.10]], dtype=torch.float64)  # one example: a 1 x 2 batch
    T = torch.tensor([[0.01, 0.99]], dtype=torch.float64)
    return [W1, W2], [b1, b2], X, T


# --8<-- [end:two_two_two]


# --8<-- [start:check]
def small_mlp(seed: int = 0) -> nn.Sequential:
    torch.manual_seed(seed)
    sizes = (3, 5, 4, 2)
    layers = []
    for n_in, n_out in itertools.pairwise(sizes):
        layers += [nn.Linear(n_in, n_out, dtype=torch.float64), nn.Sigmoid()]
    return nn.Sequential(*layers)


def compare_with_autograd(seed: int = 0, batch: int = 6) -> list[tuple[str, bool]]:
    """Gradients of every parameter by the recursion and by loss.backward()."""
    net = small_mlp(seed)
    linears = [m for m in net if isinstance(m, nn.Linear)]
    X = torch.randn(batch, 3, dtype=torch.float64)
    T = torch.rand(batch, 2, dtype=torch.float64)
    loss = 0.5 * ((net(X) - T) ** 2).sum()
    loss.backward()
    weights = [m.weight.detach() for m in linears]
    biases = [m.bias.detach() for m in linears]
    grads_W, grads_b = mlp_backward(weights, mlp_forward(weights, biases, X), T)
    results = []
    for k, (m, gW, gb) in enumerate(zip(linears, grads_W, grads_b, strict=True), start=1):
        torch.testing.assert_close(gW, m.weight.grad)
        torch.testing.assert_close(gb, m.bias.grad)
        results.append((f"W{k} {tuple(gW.shape)}", gW.shape == m.weight.shape))
    return results


# --8<-- [end:check]


# --8<-- [start:deep]
def delta_norms(depth: int = 10, width: int = 16, seed: int = 0):
    """Per layer k: ||delta_k|| / ||delta_{k+1}|| and its bound max|sigma'(a_k)| ||W_{k+1}||_2."""
    torch.manual_seed(seed)
    weights = [torch.randn(width, width, dtype=torch.float64) / width**0.5 for _ in range(depth)]
    biases = [torch.zeros(width, dtype=torch.float64) for _ in range(depth)]
    X = torch.randn(1, width, dtype=torch.float64)
    hs = mlp_forward(weights, biases, X)
    delta = torch.ones(1, width, dtype=torch.float64)  # stands in for delta_L
    rows = []
    for k in range(depth - 1, 0, -1):  # from delta_{L-1} down to delta_1
        new = (delta @ weights[k]) * sigmoid_prime_from_output(hs[k])
        bound = sigmoid_prime_from_output(hs[k]).max() * torch.linalg.matrix_norm(weights[k], 2)
        rows.append((k, (new.norm() / delta.norm()).item(), bound.item()))
        delta = new
    return rows


# --8<-- [end:deep]


_W, _B, _X, _T = classic_network()
CLASSIC_GRAD_W1, CLASSIC_GRAD_W2 = mlp_backward(_W, mlp_forward(_W, _B, _X), _T)[0]
CLASSIC_DW1 = CLASSIC_GRAD_W1[0, 0].item()
CLASSIC_DW5 = CLASSIC_GRAD_W2[0, 0].item()
_DEEP = delta_norms()
DEEP_MEAN_FACTOR = torch.tensor([r for _, r, _ in _DEEP]).log().mean().exp().item()
DEEP_MAX_BOUND = max(b for _, _, b in _DEEP)
DEEP_LAYERS = len(_DEEP)
DEEP_TOTAL_FACTOR = math.prod(r for _, r, _ in _DEEP)


if __name__ == "__main__":
    # --8<-- [start:demo_layer]
    delta = (Y - T).detach()  # dL/dY, one row per example
    grad_W, grad_b, _ = linear_backward(delta, X, layer.weight.detach())
    print(layer.weight.shape, layer.weight.grad.shape)
    print(torch.allclose(grad_W, layer.weight.grad), torch.allclose(grad_b, layer.bias.grad))
    # --8<-- [end:demo_layer]

    # --8<-- [start:demo_outer]
    outer_sum = sum(torch.outer(delta[b], X[b]) for b in range(len(X)))
    print(torch.allclose(outer_sum, grad_W))
    # --8<-- [end:demo_outer]

    # --8<-- [start:demo_two_two_two]
    weights, biases, X1, T1 = classic_network()
    grads_W, _ = mlp_backward(weights, mlp_forward(weights, biases, X1), T1)
    torch.set_printoptions(precision=9)
    print("dE/dW1 =", grads_W[0])
    print("dE/dW2 =", grads_W[1])
    torch.set_printoptions(profile="default")
    # --8<-- [end:demo_two_two_two]

    # --8<-- [start:demo_check]
    for name, same_shape in compare_with_autograd():
        print(name, "matches autograd; same shape as the weight:", same_shape)
    # --8<-- [end:demo_check]

    # --8<-- [start:demo_deep]
    for k, ratio, bound in delta_norms():
        print(f"delta_{k}: x {ratio:.3f}   bound {bound:.3f}")
    # --8<-- [end:demo_deep]
