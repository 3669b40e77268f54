import pytest
import torch

from snippets.backpropagation import perceptron as pc


def autograd_gradient(w, b, x, t):
    w = w.clone().requires_grad_()
    b = b.clone().requires_grad_()
    pc.squared_error(pc.predict(w, b, x), t).backward()
    return w.grad, b.grad


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_closed_form_gradient_matches_autograd(seed):
    torch.manual_seed(seed)
    w, b, x, t = (
        torch.randn(4).double(),
        torch.randn(()).double(),
        torch.randn(4).double(),
        torch.rand(()).double(),
    )
    torch.testing.assert_close(pc.gradient(w, b, x, t), autograd_gradient(w, b, x, t))


def test_gradient_formula_by_hand():
    grad_w, grad_b = pc.gradient(
        torch.tensor([0.5, -0.3]), torch.tensor(0.1), torch.tensor([1.0, 2.0]), torch.tensor(1.0)
    )
    torch.testing.assert_close(grad_w, torch.tensor([-0.125, -0.25]))
    torch.testing.assert_close(grad_b, torch.tensor(-0.125))


@pytest.mark.parametrize("n", [1, 7, 32])
def test_batch_gradient_matches_autograd_of_the_mean(n):
    torch.manual_seed(n)
    w, b = torch.randn(3).double(), torch.randn(()).double()
    x, t = torch.randn(n, 3).double(), torch.rand(n).double()
    torch.testing.assert_close(pc.batch_gradient(w, b, x, t), autograd_gradient(w, b, x, t))


def test_batch_gradient_is_the_mean_of_single_gradients():
    torch.manual_seed(5)
    w, b = torch.randn(3).double(), torch.randn(()).double()
    x, t = torch.randn(6, 3).double(), torch.rand(6).double()
    singles = [pc.gradient(w, b, xi, ti) for xi, ti in zip(x, t, strict=True)]
    grad_w, grad_b = pc.batch_gradient(w, b, x, t)
    torch.testing.assert_close(grad_w, torch.stack([g for g, _ in singles]).mean(0))
    torch.testing.assert_close(grad_b, torch.stack([g for _, g in singles]).mean())


def test_step_matches_torch_sgd():
    torch.manual_seed(3)
    w, b = torch.randn(2, requires_grad=True), torch.randn((), requires_grad=True)
    x, t = torch.randn(5, 2), torch.rand(5)
    expected_w, expected_b = pc.gradient_descent_step(w.detach(), b.detach(), x, t, lr=0.3)
    optimizer = torch.optim.SGD([w, b], lr=0.3)
    pc.squared_error(pc.predict(w, b, x), t).backward()
    optimizer.step()
    torch.testing.assert_close((w.detach(), b.detach()), (expected_w, expected_b))


def test_mse_loss_of_pytorch_has_twice_the_gradient():
    torch.manual_seed(4)
    w, b = torch.randn(3).double(), torch.randn(()).double()
    x, t = torch.randn(6, 3).double(), torch.rand(6).double()
    w_ = w.clone().requires_grad_()
    torch.nn.functional.mse_loss(pc.predict(w_, b, x), t).backward()
    torch.testing.assert_close(w_.grad, 2 * pc.batch_gradient(w, b, x, t)[0])


def test_training_on_and_separates_the_classes():
    assert pc.AND_LOSS_START == pytest.approx(0.125)
    assert pc.AND_LOSS_END < 0.02 * pc.AND_LOSS_START
    assert pc.AND_OUTPUT_11 > 0.9 > 0.1 > pc.AND_OUTPUT_MAX_FALSE


def test_saturated_wrong_output_learns_slowly_with_mse():
    assert pc.MSE_FACTOR_WRONG == pytest.approx(-0.99 * 0.01 * 0.99)
    assert pc.BCE_FACTOR_WRONG == pytest.approx(-0.99)
    z = torch.logit(torch.tensor(0.01, dtype=torch.float64)).requires_grad_()
    torch.nn.functional.binary_cross_entropy(
        torch.sigmoid(z), torch.tensor(1.0).double()
    ).backward()
    assert z.grad.item() == pytest.approx(pc.BCE_FACTOR_WRONG)


def test_perceptron_rule_separates_and_and_never_settles_on_xor():
    w, b, mistakes = pc.perceptron_rule(pc.AND_INPUTS, pc.AND_TARGETS, epochs=10)
    assert ((pc.AND_INPUTS @ w + b >= 0).float() == pc.AND_TARGETS).all()
    assert mistakes == pc.AND_RULE_MISTAKES
    assert pc.AND_RULE_PERFECT_EPOCH == 6
    assert all(m == 0 for m in mistakes[5:])
    assert pc.XOR_RULE_FEWEST_MISTAKES == 3
    assert len(pc.XOR_RULE_MISTAKES) == 100


def test_perceptron_rule_updates_match_the_formula():
    # One wrong prediction: t = 1, y_hat = step(0) = 1 is right, so use t = 0 at the origin.
    w, b, mistakes = pc.perceptron_rule(torch.tensor([[1.0, 2.0]]), torch.tensor([0.0]), 1)
    assert mistakes == [1]
    assert w.tolist() == [-1.0, -2.0]
    assert b.item() == -1.0


def test_no_line_fits_xor_but_one_hidden_layer_does():
    assert pc.XOR_BEST_LINEAR_ACCURACY == 0.75
    for seed in range(5):
        generator = torch.Generator().manual_seed(seed)
        w, b = torch.randn(2, generator=generator), torch.randn((), generator=generator)
        for _ in range(2000):
            w, b = pc.gradient_descent_step(w, b, pc.AND_INPUTS, pc.XOR_TARGETS, lr=2.0)
        predicted = (pc.predict(w, b, pc.AND_INPUTS) > 0.5).float()
        assert (predicted == pc.XOR_TARGETS).float().mean() <= 0.75

    def step(z):
        return (z >= 0).float()

    hidden = step(pc.AND_INPUTS @ torch.tensor([[1.0, 1.0], [1.0, 1.0]]) - torch.tensor([0.5, 1.5]))
    out = step(hidden @ torch.tensor([1.0, -1.0]) - 0.5)  # OR and not AND
    assert torch.equal(out, pc.XOR_TARGETS)
