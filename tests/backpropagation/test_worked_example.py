import math

import pytest
import torch

from snippets.backpropagation import worked_example as we


def test_forward_values_of_the_classic_example():
    v = we.forward(we.WEIGHTS)
    expected = {
        "net_h1": 0.3775, "out_h1": 0.593269992, "net_h2": 0.3925, "out_h2": 0.596884378,
        "net_o1": 1.105905967, "out_o1": 0.751365070,
        "net_o2": 1.224921404, "out_o2": 0.772928465,
        "E": 0.298371109,
    }  # fmt: skip
    for name, value in expected.items():
        assert v[name] == pytest.approx(value, abs=1e-9), name


def test_loss_matches_torch_mse():
    v = we.forward(we.WEIGHTS)
    out = torch.tensor([v["out_o1"], v["out_o2"]], dtype=torch.float64)
    target = torch.tensor(list(we.TARGETS.values()), dtype=torch.float64)
    expected = 0.5 * torch.nn.functional.mse_loss(out, target, reduction="sum")
    torch.testing.assert_close(torch.tensor(v["E"], dtype=torch.float64), expected)


def test_w5_factors_multiply_to_the_autograd_gradient():
    factors = we.w5_factors(we.forward(we.WEIGHTS))
    assert factors["dE/dw5"] == pytest.approx(0.082167041, abs=1e-9)
    product = factors["dE/dout_o1"] * factors["dout_o1/dnet_o1"] * factors["dnet_o1/dw5"]
    assert factors["dE/dw5"] == pytest.approx(product)
    assert factors["dE/dw5"] == pytest.approx(we.autograd_gradients(we.WEIGHTS)["w5"])


def test_w1_sums_both_paths():
    factors = we.w1_factors(we.forward(we.WEIGHTS), we.WEIGHTS)
    assert factors["dE/dout_h1"] == factors["path via o1"] + factors["path via o2"]
    assert factors["path via o2"] < 0 < factors["path via o1"]
    assert factors["dE/dw1"] == pytest.approx(we.autograd_gradients(we.WEIGHTS)["w1"])
    assert we.DE_DW1_ONE_PATH == pytest.approx(factors["dE/dw1"] * (1 + we.ONE_PATH_OVERSHOOT))
    assert we.ONE_PATH_OVERSHOOT > 0.5


@pytest.mark.parametrize("seed", [None, 0, 1])
def test_hand_gradients_match_autograd(seed):
    weights = we.WEIGHTS
    if seed is not None:
        torch.manual_seed(seed)
        weights = {name: torch.randn(()).item() for name in we.WEIGHTS}
    hand = we.hand_gradients(weights) | we.bias_gradients(weights)
    auto = we.autograd_gradients(weights)
    assert hand.keys() == auto.keys()
    torch.testing.assert_close(
        torch.tensor([hand[k] for k in auto], dtype=torch.float64),
        torch.tensor(list(auto.values()), dtype=torch.float64),
    )


def test_updated_weights_of_the_classic_example():
    new = we.gradient_step(we.WEIGHTS)
    expected = {
        "w1": 0.149780716, "w2": 0.199561432, "w3": 0.249751144, "w4": 0.299502287,
        "w5": 0.358916480, "w6": 0.408666186, "w7": 0.511301270, "w8": 0.561370121,
    }  # fmt: skip
    for name, value in expected.items():
        assert new[name] == pytest.approx(value, abs=1e-9), name


def test_step_equals_torch_sgd():
    params = {
        k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in we.WEIGHTS.items()
    }
    grads = we.autograd_gradients(we.WEIGHTS)
    optimizer = torch.optim.SGD(params.values(), lr=we.LEARNING_RATE)
    for name, p in params.items():
        p.grad = torch.tensor(grads[name], dtype=torch.float64)
    optimizer.step()
    new = we.gradient_step(we.WEIGHTS)
    for name, p in params.items():
        assert p.item() == pytest.approx(new[name], abs=1e-15)


def test_training_reduces_the_loss():
    assert we.LOSS_AFTER_ONE_STEP < we.LOSS
    assert we.loss_after_steps() == pytest.approx(3.51e-5, rel=1e-2)


def test_updating_output_weights_first_changes_w1():
    assert not math.isclose(we.W1_WRONG_ORDER, we.W1_UPDATED, abs_tol=1e-6)


def test_the_output_to_hidden_gradient_ratio_splits_into_three_factors():
    product = we.RATIO_FROM_INPUTS * we.RATIO_FROM_SIGMOID * we.RATIO_FROM_WEIGHTS_AND_PATHS
    assert product == pytest.approx(we.OUTPUT_TO_HIDDEN_GRADIENT_RATIO, rel=1e-12)
    assert round(we.OUTPUT_TO_HIDDEN_GRADIENT_RATIO) == 187
