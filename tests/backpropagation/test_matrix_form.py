import pytest
import torch
from torch import nn

from snippets.backpropagation import matrix_form as mf
from snippets.backpropagation import worked_example as we


def test_linear_layer_rule_matches_autograd():
    torch.manual_seed(1)
    layer = nn.Linear(5, 3, dtype=torch.float64)
    X = torch.randn(7, 5, dtype=torch.float64, requires_grad=True)
    Y = layer(X)
    delta = torch.randn_like(Y)  # any upstream gradient dL/dY
    Y.backward(delta)
    grad_W, grad_b, grad_X = mf.linear_backward(delta, X.detach(), layer.weight.detach())
    assert grad_W.shape == layer.weight.shape == (3, 5)
    torch.testing.assert_close(grad_W, layer.weight.grad)
    torch.testing.assert_close(grad_b, layer.bias.grad)
    torch.testing.assert_close(grad_X, X.grad)


def test_page_layer_gradient_has_the_weight_shape():
    assert mf.layer.weight.grad.shape == mf.layer.weight.shape == (2, 3)
    delta = (mf.Y - mf.T).detach()
    grad_W, grad_b, _ = mf.linear_backward(delta, mf.X, mf.layer.weight.detach())
    torch.testing.assert_close(grad_W, mf.layer.weight.grad)
    torch.testing.assert_close(grad_b, mf.layer.bias.grad)
    outer = sum(torch.outer(delta[b], mf.X[b]) for b in range(len(mf.X)))
    torch.testing.assert_close(outer, grad_W)


def test_matrix_formulas_reproduce_the_worked_example():
    grads = we.hand_gradients(we.WEIGHTS)
    expected_W1 = torch.tensor([[grads["w1"], grads["w2"]], [grads["w3"], grads["w4"]]])
    expected_W2 = torch.tensor([[grads["w5"], grads["w6"]], [grads["w7"], grads["w8"]]])
    torch.testing.assert_close(mf.CLASSIC_GRAD_W1, expected_W1.double())
    torch.testing.assert_close(mf.CLASSIC_GRAD_W2, expected_W2.double())
    assert mf.CLASSIC_DW1 == pytest.approx(0.000438568, abs=1e-9)
    assert mf.CLASSIC_DW5 == pytest.approx(0.082167041, abs=1e-9)
    weights, biases, X, T = mf.classic_network()
    hs = mf.mlp_forward(weights, biases, X)
    assert hs[1][0].tolist() == pytest.approx([0.593269992, 0.596884378], abs=1e-9)
    _, grads_b = mf.mlp_backward(weights, hs, T)
    bias = we.bias_gradients(we.WEIGHTS)
    assert grads_b[0].sum().item() == pytest.approx(bias["b1"])
    assert grads_b[1].sum().item() == pytest.approx(bias["b2"])


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_recursion_matches_autograd_for_every_weight(seed):
    results = mf.compare_with_autograd(seed)  # assert_close inside
    assert [ok for _, ok in results] == [True, True, True]
    assert [name.split()[0] for name, _ in results] == ["W1", "W2", "W3"]


def test_recursion_matches_autograd_on_the_deltas():
    """delta_l from the recursion equals dL/da_l that autograd computes."""
    torch.manual_seed(3)
    weights = [torch.randn(4, 3, dtype=torch.float64), torch.randn(2, 4, dtype=torch.float64)]
    biases = [torch.randn(4, dtype=torch.float64), torch.randn(2, dtype=torch.float64)]
    X, T = torch.randn(5, 3, dtype=torch.float64), torch.rand(5, 2, dtype=torch.float64)
    a1 = (X @ weights[0].T + biases[0]).requires_grad_()
    h1 = torch.sigmoid(a1)
    loss = 0.5 * ((torch.sigmoid(h1 @ weights[1].T + biases[1]) - T) ** 2).sum()
    loss.backward()
    hs = mf.mlp_forward(weights, biases, X)
    delta2 = (hs[2] - T) * mf.sigmoid_prime_from_output(hs[2])
    delta1 = (delta2 @ weights[1]) * mf.sigmoid_prime_from_output(hs[1])
    torch.testing.assert_close(delta1, a1.grad)


def test_each_backward_step_obeys_its_bound():
    rows = mf.delta_norms()
    assert [k for k, _, _ in rows] == list(range(9, 0, -1))
    for _, ratio, bound in rows:
        assert 0 < ratio <= bound + 1e-12
        assert bound <= 0.25 * 2.5  # sigma' <= 1/4, ||W||_2 of a 16 x 16 N(0, 1/16) is about 2
    assert mf.DEEP_MEAN_FACTOR == pytest.approx(0.257, abs=5e-4)
    assert mf.DEEP_MAX_BOUND == pytest.approx(0.503, abs=5e-4)
    assert mf.DEEP_LAYERS == 9
