import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.information_theory import likelihood_bce as lb

THETAS = torch.tensor([0.1, 0.3, 0.5, 0.7, 0.9], dtype=torch.float64)


def test_likelihood_is_the_probability_of_the_draws():
    bernoulli = torch.distributions.Bernoulli(probs=THETAS.unsqueeze(1))
    probability = bernoulli.log_prob(lb.draws().double()).sum(dim=1).exp()
    torch.testing.assert_close(lb.likelihood(THETAS), probability)
    torch.testing.assert_close(lb.log_likelihood(THETAS), probability.log())


def test_likelihood_values_printed_on_the_page():
    values = [round(lb.likelihood(torch.tensor(t)).item(), 6) for t in (0.3, 0.5, 0.7, 0.9)]
    assert values == [0.000075, 0.000977, 0.002224, 0.000478]


def test_derivative_matches_autograd():
    theta = THETAS.clone().requires_grad_(True)
    (grad,) = torch.autograd.grad(lb.log_likelihood(theta).sum(), theta)
    torch.testing.assert_close(lb.log_likelihood_derivative(THETAS), grad)


def test_derivative_vanishes_at_the_closed_form_maximum():
    assert lb.mle_closed_form() == 0.7
    zero = lb.log_likelihood_derivative(torch.tensor(0.7, dtype=torch.float64))
    assert abs(zero.item()) < 1e-12


def test_numeric_maxima_agree_with_the_closed_form():
    assert lb.MLE_THETA == pytest.approx(0.7, abs=1e-5)
    assert lb.MLE_GRID == pytest.approx(0.7, abs=1e-12)


def test_maximum_likelihood_value():
    assert lb.MAX_LIKELIHOOD == pytest.approx(0.7**7 * 0.3**3, rel=1e-12)
    assert round(lb.MAX_LIKELIHOOD, 5) == 0.00222
    assert lb.HALF_LIKELIHOOD == 2.0**-10
    assert 2 < lb.MAX_LIKELIHOOD / lb.HALF_LIKELIHOOD < 3
    assert lb.likelihood(THETAS).max().item() == pytest.approx(lb.MAX_LIKELIHOOD)


def test_likelihood_is_not_a_density_over_theta():
    exact = math.factorial(7) * math.factorial(3) / math.factorial(11)
    assert lb.likelihood_integral() == pytest.approx(exact, rel=1e-8)
    assert lb.LIKELIHOOD_AREA_RECIPROCAL == 1320


@pytest.mark.parametrize("theta", [0.2, 0.5, 0.7, 0.95])
def test_average_nll_of_the_draws_is_bce(theta):
    p = torch.full((10,), theta, dtype=torch.float64)
    y = lb.draws().double()
    expected = F.binary_cross_entropy(p, y)
    torch.testing.assert_close(lb.binary_cross_entropy(p, y), expected)
    torch.testing.assert_close(lb.average_nll(torch.tensor(theta, dtype=torch.float64)), expected)
    torch.testing.assert_close(nn.BCELoss()(p, y), expected)


def test_smallest_bce_is_the_entropy_of_the_draws():
    entropy = -(0.7 * math.log(0.7) + 0.3 * math.log(0.3))
    assert lb.MIN_AVERAGE_NLL == pytest.approx(entropy, rel=1e-12)
    assert round(lb.MIN_AVERAGE_NLL, 3) == 0.611


def test_bce_is_cross_entropy_of_two_point_distributions():
    generator = torch.Generator().manual_seed(0)
    p = torch.rand(6, generator=generator, dtype=torch.float64) * 0.98 + 0.01
    y = torch.randint(2, (6,), generator=generator).double()
    two_class_target = torch.stack([1 - y, y], dim=1)
    two_class_logits = torch.stack([torch.log(1 - p), torch.log(p)], dim=1)
    ce = nn.CrossEntropyLoss()(two_class_logits, two_class_target)
    torch.testing.assert_close(lb.binary_cross_entropy(p, y), ce)


def test_bce_loss_clamps_log_at_minus_100():
    z = torch.tensor([20.0, -200.0])
    y = torch.tensor([0.0, 1.0])
    clamped = nn.BCELoss(reduction="none")(torch.sigmoid(z), y)
    assert clamped.tolist() == [100.0, 100.0]
    assert lb.BCE_CLAMPED_LOSS == 100.0
    exact = nn.BCEWithLogitsLoss(reduction="none")(z, y)
    torch.testing.assert_close(exact, torch.tensor([20.0, 200.0]))
    torch.testing.assert_close(lb.bce_with_logits_by_hand(z, y), exact)


def test_bce_with_logits_by_hand_matches_torch_and_sigmoid_bce():
    generator = torch.Generator().manual_seed(1)
    z = 4 * torch.randn(20, generator=generator, dtype=torch.float64)
    y = torch.randint(2, (20,), generator=generator).double()
    expected = F.binary_cross_entropy_with_logits(z, y, reduction="none")
    torch.testing.assert_close(lb.bce_with_logits_by_hand(z, y), expected)
    via_sigmoid = F.binary_cross_entropy(torch.sigmoid(z), y, reduction="none")
    torch.testing.assert_close(via_sigmoid, expected)


def test_float32_sigmoid_saturates_near_17():
    assert round(lb.SIGMOID_IS_ONE_FROM) == 17
    assert torch.sigmoid(torch.tensor(lb.SIGMOID_IS_ONE_FROM)).item() == 1.0
    assert torch.sigmoid(torch.tensor(lb.SIGMOID_IS_ONE_FROM - 0.01)).item() < 1.0


def test_clamped_bce_has_no_gradient_while_bce_with_logits_keeps_it():
    z = torch.tensor([20.0, -200.0])
    y = torch.tensor([0.0, 1.0])
    assert lb.logit_gradient(z, y, on_logits=False).abs().max().item() == 0.0
    torch.testing.assert_close(lb.logit_gradient(z, y, on_logits=True), torch.tensor([1.0, -1.0]))
    small = torch.tensor([-1.5, 0.3, 2.0], dtype=torch.float64)
    target = torch.tensor([1.0, 0.0, 1.0], dtype=torch.float64)
    expected = torch.sigmoid(small) - target
    torch.testing.assert_close(lb.logit_gradient(small, target, on_logits=True), expected)
    torch.testing.assert_close(lb.logit_gradient(small, target, on_logits=False), expected)


def test_two_logit_cross_entropy_equals_bce_with_logits_on_the_difference():
    generator = torch.Generator().manual_seed(2)
    logits = 3 * torch.randn(16, 2, generator=generator)
    labels = torch.randint(2, (16,), generator=generator)
    ce = nn.CrossEntropyLoss()(logits, labels)
    bce = nn.BCEWithLogitsLoss()(logits[:, 1] - logits[:, 0], labels.float())
    torch.testing.assert_close(ce, bce)


def test_integer_targets_are_rejected():
    z = torch.tensor([0.5, -1.0, 2.0])
    labels = torch.tensor([1, 0, 1])
    with pytest.raises(RuntimeError):
        nn.BCEWithLogitsLoss()(z, labels)
    with pytest.raises(RuntimeError):
        nn.BCELoss()(torch.sigmoid(z), labels)
    torch.testing.assert_close(
        nn.BCEWithLogitsLoss()(z, labels.float()), lb.bce_with_logits_by_hand(z, labels).mean()
    )


def test_a_sigmoid_before_bce_with_logits_keeps_the_probability_above_one_half():
    z = torch.linspace(-50, 50, 1001)
    twice = torch.sigmoid(torch.sigmoid(z))
    # In float32 the ends round to sigma(0) and sigma(1) exactly.
    assert (twice >= 0.5).all()
    assert (twice <= torch.sigmoid(torch.tensor(1.0))).all()
    assert twice.max().item() == pytest.approx(0.7311, abs=1e-4)
    target = torch.zeros_like(z)
    loss_floor = nn.BCEWithLogitsLoss()(torch.sigmoid(z), target)
    assert loss_floor.item() > math.log(2) - 1e-6  # -log(1 - 0.5): it never gets below that
