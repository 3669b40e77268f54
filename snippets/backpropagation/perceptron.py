"""A single sigmoid neuron trained with squared error: its gradient in closed form."""

from __future__ import annotations

# --8<-- [start:model]
import torch


def predict(w: torch.Tensor, b: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
    """out = sigmoid(w·x + b); x is one example (d,) or a batch (n, d)."""
    return torch.sigmoid(x @ w + b)


def squared_error(out: torch.Tensor, t: torch.Tensor) -> torch.Tensor:
    """E = 1/2 (out - t)^2, averaged over a batch."""
    return (0.5 * (out - t) ** 2).mean()


# --8<-- [end:model]


# --8<-- [start:gradient]
def gradient(
    w: torch.Tensor, b: torch.Tensor, x: torch.Tensor, t: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """(dE/dw, dE/db) for one example: delta * x and delta."""
    out = predict(w, b, x)
    delta = (out - t) * out * (1 - out)  # dE/dz with z = w·x + b
    return delta * x, delta


# --8<-- [end:gradient]


# --8<-- [start:batch]
def batch_gradient(
    w: torch.Tensor, b: torch.Tensor, x: torch.Tensor, t: torch.Tensor
) -> tuple[torch.Tensor, torch.Tensor]:
    """Gradient of the mean loss over a batch x (n, d), t (n,)."""
    out = predict(w, b, x)
    delta = (out - t) * out * (1 - out)
    return x.T @ delta / len(t), delta.mean()


def gradient_descent_step(
    w: torch.Tensor, b: torch.Tensor, x: torch.Tensor, t: torch.Tensor, lr: float
) -> tuple[torch.Tensor, torch.Tensor]:
    grad_w, grad_b = batch_gradient(w, b, x, t)
    return w - lr * grad_w, b - lr * grad_b


# --8<-- [end:batch]


# --8<-- [start:and_data]
AND_INPUTS = torch.tensor([[0.0, 0.0], [0.0, 1.0], [1.0, 0.0], [1.0, 1.0]])
AND_TARGETS = torch.tensor([0.0, 0.0, 0.0, 1.0])


def train_on_and(steps: int, lr: float = 2.0) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Full-batch gradient descent on logical AND from w = 0, b = 0.

    Returns the final w and b, and the outputs before every step, shape (steps, 4).
    """
    w, b = torch.zeros(2), torch.tensor(0.0)
    outputs = []
    for _ in range(steps):
        outputs.append(predict(w, b, AND_INPUTS))
        w, b = gradient_descent_step(w, b, AND_INPUTS, AND_TARGETS, lr)
    return w, b, torch.stack(outputs)


# --8<-- [end:and_data]


# --8<-- [start:rule]
def perceptron_rule(
    x: torch.Tensor, t: torch.Tensor, epochs: int
) -> tuple[torch.Tensor, torch.Tensor, list[int]]:
    """Rosenblatt's rule with a step output; returns w, b and the mistakes in each epoch."""
    w, b = torch.zeros(x.shape[1]), torch.tensor(0.0)
    mistakes = []
    for _ in range(epochs):
        count = 0
        for xi, ti in zip(x, t, strict=True):
            error = ti - (xi @ w + b >= 0).float()  # (1)!
            if error != 0:
                w, b = w + error * xi, b + error
                count += 1
        mistakes.append(count)
    return w, b, mistakes


XOR_TARGETS = torch.tensor([0.0, 1.0, 1.0, 0.0])
# --8<-- [end:rule]


def first_perfect_epoch(mistakes: list[int]) -> int:
    """1-based epoch after which the rule makes no more mistakes."""
    return mistakes.index(0) + 1


def best_linear_accuracy_on_xor(grid: int = 21) -> float:
    """Best share of XOR points a line step(w1 x1 + w2 x2 + b) gets right, on a grid of w, b."""
    values = torch.linspace(-2, 2, grid)
    w1, w2, b = torch.meshgrid(values, values, values, indexing="ij")
    z = AND_INPUTS[:, 0, None, None, None] * w1 + AND_INPUTS[:, 1, None, None, None] * w2 + b
    correct = ((z >= 0).float() == XOR_TARGETS[:, None, None, None]).float().mean(dim=0)
    return correct.max().item()


def mse_factor(out: float, t: float) -> float:
    """dE/dz of sigmoid + squared error at a given output."""
    return (out - t) * out * (1 - out)


def bce_factor(out: float, t: float) -> float:
    """dE/dz of sigmoid + binary cross-entropy at a given output."""
    return out - t


TRAIN_STEPS = 2000
_W_AND, _B_AND, _AND_OUTPUTS = train_on_and(TRAIN_STEPS)
AND_LOSS_START = squared_error(_AND_OUTPUTS[0], AND_TARGETS).item()
AND_LOSS_END = squared_error(predict(_W_AND, _B_AND, AND_INPUTS), AND_TARGETS).item()
AND_OUTPUT_11 = predict(_W_AND, _B_AND, AND_INPUTS[3]).item()
AND_OUTPUT_MAX_FALSE = predict(_W_AND, _B_AND, AND_INPUTS[:3]).max().item()
_, _, AND_RULE_MISTAKES = perceptron_rule(AND_INPUTS, AND_TARGETS, epochs=10)
AND_RULE_PERFECT_EPOCH = first_perfect_epoch(AND_RULE_MISTAKES)
_, _, XOR_RULE_MISTAKES = perceptron_rule(AND_INPUTS, XOR_TARGETS, epochs=100)
XOR_RULE_FEWEST_MISTAKES = min(XOR_RULE_MISTAKES)
XOR_BEST_LINEAR_ACCURACY = best_linear_accuracy_on_xor()
MSE_FACTOR_WRONG = mse_factor(0.01, 1.0)
BCE_FACTOR_WRONG = bce_factor(0.01, 1.0)
MSE_FACTOR_UNSURE = mse_factor(0.5, 1.0)


if __name__ == "__main__":
    # --8<-- [start:demo_gradient]
    w = torch.tensor([0.5, -0.3], requires_grad=True)
    b = torch.tensor(0.1, requires_grad=True)
    x, t = torch.tensor([1.0, 2.0]), torch.tensor(1.0)

    squared_error(predict(w, b, x), t).backward()
    grad_w, grad_b = gradient(w.detach(), b.detach(), x, t)
    print("closed form:", grad_w, grad_b)
    print("autograd:   ", w.grad, b.grad)
    # --8<-- [end:demo_gradient]

    # --8<-- [start:demo_batch]
    torch.manual_seed(0)
    xs, ts = torch.randn(8, 3), torch.rand(8)
    w = torch.randn(3, requires_grad=True)
    b = torch.zeros((), requires_grad=True)

    squared_error(predict(w, b, xs), ts).backward()
    grad_w, grad_b = batch_gradient(w.detach(), b.detach(), xs, ts)
    print(torch.allclose(grad_w, w.grad), torch.allclose(grad_b, b.grad))
    # --8<-- [end:demo_batch]

    # --8<-- [start:demo_steps]
    w, b = torch.tensor([0.5, -0.3]), torch.tensor(0.1)
    x, t = torch.tensor([[1.0, 2.0]]), torch.tensor([1.0])  # (1)!
    for step in range(3):
        out = predict(w, b, x)
        weights = ", ".join(f"{value:.4f}" for value in w)
        print(
            f"step {step}: w = ({weights}), b = {b:.4f}, out = {out.item():.4f}, "
            f"E = {squared_error(out, t):.4f}"
        )
        w, b = gradient_descent_step(w, b, x, t, lr=1.0)
    # --8<-- [end:demo_steps]

    # --8<-- [start:demo_rule]
    w, b, mistakes = perceptron_rule(AND_INPUTS, AND_TARGETS, epochs=10)
    print("AND:", mistakes, "w =", w.tolist(), "b =", b.item())
    w, b, mistakes = perceptron_rule(AND_INPUTS, XOR_TARGETS, epochs=10)
    print("XOR:", mistakes)
    # --8<-- [end:demo_rule]
