import math

import pytest
import torch
from torch import nn

from snippets.losses_init import initialization as ini


def test_zero_init_only_the_output_bias_learns():
    x, y = ini.regression_data()
    model = ini.tiny_mlp(0.0)
    nn.functional.mse_loss(model(x), y).backward()
    assert (model[0].weight.grad == 0).all() and (model[0].bias.grad == 0).all()
    assert (model[2].weight.grad == 0).all()
    assert model[2].bias.grad.abs().item() > 0.1


def test_equal_init_keeps_hidden_units_identical():
    x, y = ini.regression_data()
    model = ini.tiny_mlp(0.5)
    nn.functional.mse_loss(model(x), y).backward()
    g = model[0].weight.grad
    torch.testing.assert_close(g, g[:1].expand_as(g))
    hidden = model[1](model[0](x))
    torch.testing.assert_close(hidden, hidden[:, :1].expand_as(hidden))
    assert ini.hidden_units_identical(ini.train(model, 200))
    assert not ini.hidden_units_identical(ini.train(ini.tiny_mlp(None), 200))


@pytest.mark.parametrize(("fan_in", "fan_out"), [(512, 256), (100, 400), (300, 300)])
def test_formulas_match_nn_init_statistically(fan_in, fan_out):
    shape = (fan_out, fan_in)
    n = fan_in * fan_out
    for init, std, kwargs in [
        ("xavier_normal", ini.xavier_std(fan_in, fan_out), {}),
        ("kaiming_normal", ini.kaiming_std(fan_in), {"nonlinearity": "relu"}),
        ("kaiming_normal", ini.kaiming_std(fan_out), {"nonlinearity": "relu", "mode": "fan_out"}),
    ]:
        w = ini.sample(init, shape, **kwargs)
        assert abs(w.std().item() - std) < ini.std_tolerance(n, std)
    for init, limit, kwargs in [
        ("xavier_uniform", ini.xavier_limit(fan_in, fan_out), {}),
        ("kaiming_uniform", ini.kaiming_limit(fan_in), {"nonlinearity": "relu"}),
    ]:
        w = ini.sample(init, shape, **kwargs).double()
        assert w.abs().max().item() <= limit
        assert w.abs().max().item() > 0.999 * limit
        assert abs(w.pow(2).mean().item() - limit**2 / 3) < ini.uniform_variance_tolerance(n, limit)


def test_uniform_limit_is_sqrt3_times_std():
    assert ini.xavier_limit(30, 70) == pytest.approx(math.sqrt(3) * ini.xavier_std(30, 70))
    assert ini.kaiming_limit(50) == pytest.approx(math.sqrt(3) * ini.kaiming_std(50))


def test_gains():
    assert ini.GAIN_TANH == pytest.approx(5 / 3)
    assert ini.GAIN_RELU == pytest.approx(math.sqrt(2))
    assert ini.GAIN_LEAKY_DEFAULT == pytest.approx(math.sqrt(2 / (1 + 0.01**2)))
    assert ini.GAIN_SELU == 0.75
    assert nn.init.calculate_gain("sigmoid") == 1
    assert nn.init.calculate_gain("leaky_relu", 0.2) == pytest.approx(math.sqrt(2 / 1.04))
    assert ini.DEFAULT_GAIN == pytest.approx(nn.init.calculate_gain("leaky_relu", math.sqrt(5)))


def test_fans_including_conv():
    conv = torch.empty(128, 64, 3, 3)
    fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(conv)
    assert (fan_in, fan_out) == (ini.CONV_FAN_IN, ini.CONV_FAN_OUT) == (576, 1152)
    w = ini.sample("kaiming_normal", (128, 64, 3, 3), nonlinearity="relu")
    assert abs(w.std().item() - ini.CONV_FAN_IN_STD) < ini.std_tolerance(w.numel(), 0.06)
    assert ini.FAN_IN_STD == pytest.approx(math.sqrt(2 / 100))
    assert ini.FAN_OUT_STD == pytest.approx(math.sqrt(2 / 400))


@pytest.mark.parametrize("seed", [0, 1])
def test_nn_linear_default_is_uniform_one_over_sqrt_fan_in(seed):
    layer = ini.default_linear(seed)
    w, b = layer.weight.detach().double(), layer.bias.detach().double()
    limit = ini.DEFAULT_LIMIT
    n = w.numel()
    assert w.abs().max().item() <= limit and w.abs().max().item() > 0.999 * limit
    assert b.abs().max().item() <= limit
    assert abs(w.pow(2).mean().item() - limit**2 / 3) < ini.uniform_variance_tolerance(n, limit)
    assert ini.DEFAULT_STD == pytest.approx(limit / math.sqrt(3))
    # not Xavier: Xavier's std for this shape is far outside the tolerance
    assert abs(w.std().item() - ini.XAVIER_STD_LINEAR) > 50 * ini.std_tolerance(n, ini.DEFAULT_STD)
    assert ini.DEFAULT_OVER_HE == pytest.approx(1 / math.sqrt(6))
    # a uniform distribution: the fourth moment is limit^4 / 5, a normal's would be 3 std^4
    assert w.pow(4).mean().item() == pytest.approx(limit**4 / 5, rel=0.02)


def test_conv_uses_the_same_default():
    torch.manual_seed(0)
    conv = nn.Conv2d(64, 128, 3)
    limit = 1 / math.sqrt(64 * 9)
    w = conv.weight.detach()
    assert w.abs().max().item() <= limit and w.abs().max().item() > 0.99 * limit


def test_relu_halves_the_second_moment():
    n = 100_000
    # E[relu(a)^2] = 1/2; the standard error of the mean of relu(a)^2 is sqrt(Var)/sqrt(n),
    # Var(relu(a)^2) = E[a^4]/2 - 1/4 = 5/4
    assert abs(ini.relu_second_moment(n) - 0.5) < 5 * math.sqrt(1.25 / n)


def test_deep_network_statistics():
    assert ini.tanh_std1_last() > 0.9
    assert ini.tanh_std1_saturated() > 0.8
    assert 0.1 < ini.tanh_xavier_last() < 0.3
    assert ini.tanh_default_last() < 1e-4
    assert 0.3 < ini.relu_he_last() < 1.0
    assert 1e-4 < ini.relu_xavier_last() < 1e-3
    assert ini.relu_default_last() < 1e-7
    # ReLU is positively homogeneous and both schemes draw the same normals: factor 100^20
    assert ini.relu_std1_last() / ini.relu_small_last() == pytest.approx(1e40, rel=1e-3)
    assert ini.layer_stds("relu", "he", depth=3) == list(ini.cached_layer_stds("relu", "he")[:3])


def test_exercise_numbers():
    assert ini.EXERCISE_LINEAR_LIMIT == 0.03125
    assert ini.EXERCISE_LINEAR_STD == pytest.approx(0.018042, abs=1e-6)
    assert ini.EXERCISE_HE_STD == pytest.approx(0.044194, abs=1e-6)


def test_exercise_answers():
    assert (ini.EX_HUBER, ini.EX_SMOOTH, ini.EX_HUBER_GRAD, ini.EX_SMOOTH_GRAD) == pytest.approx(
        (0.875, 1.75, 0.5, 1.0)
    )
    assert ini.EX_UNIFORM_MEAN == pytest.approx(math.log(10), rel=1e-6)
    assert ini.EX_UNIFORM_SMOOTHED == pytest.approx(math.log(10), rel=1e-6)
    assert ini.EX_UNIFORM_SUM == pytest.approx(2 * math.log(10), rel=1e-6)
    assert ini.EX_POS_WEIGHT == 19
    assert ini.EX_BIAS_GRAD == pytest.approx(0.45)
    logit = torch.zeros(1, dtype=torch.float64, requires_grad=True)
    target = torch.cat([torch.zeros(950), torch.ones(50)]).double()
    loss = nn.functional.binary_cross_entropy_with_logits(logit.expand(1000), target)
    (grad,) = torch.autograd.grad(loss, logit)
    assert grad.item() == pytest.approx(ini.EX_BIAS_GRAD)
    loss = nn.functional.binary_cross_entropy_with_logits(
        logit.expand(1000), target, pos_weight=torch.tensor(19.0, dtype=torch.float64)
    )
    (grad,) = torch.autograd.grad(loss, logit)
    assert grad.item() == pytest.approx(0.0, abs=1e-12)
    assert ini.CONV_FAN_OUT_STD == pytest.approx(math.sqrt(2 / 1152))


def test_zero_output_layer_learns_from_step_two():
    assert ini.zero_output_layer_steps() == (False, True, True)


def test_init_functions_need_two_dimensions():
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        nn.init.kaiming_normal_(torch.empty(5))
    with pytest.raises(ValueError, match="fewer than 2 dimensions"):
        nn.init.xavier_uniform_(torch.empty(5))


def test_tanh_gains():
    assert 0.5 < ini.tanh_xavier_gain_last() < 0.8
    assert 0.4 < ini.tanh_he_last() < 0.7
    assert ini.tanh_saturated_share("he") < 0.01
