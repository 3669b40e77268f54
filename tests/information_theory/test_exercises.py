import math

import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Categorical, kl_divergence

from snippets.information_theory import exercises as ex

LN2 = math.log(2)


def test_entropy_of_the_dyadic_distribution():
    nats = Categorical(probs=ex.DYADIC).entropy().item()
    assert ex.DYADIC_NATS == pytest.approx(nats, rel=1e-12)
    assert ex.DYADIC_BITS == pytest.approx(nats / LN2, rel=1e-12) and ex.DYADIC_BITS == 1.75
    # 2.5 bits on four outcomes is impossible: no distribution exceeds log2 4.
    assert ex.MAX_BITS_FOUR_OUTCOMES == 2.0
    torch.manual_seed(0)
    many = torch.softmax(3 * torch.randn(1000, 4, dtype=torch.float64), dim=1)
    assert Categorical(probs=many).entropy().max().item() / LN2 < ex.MAX_BITS_FOUR_OUTCOMES


def test_kl_both_directions_against_torch():
    p, q = Categorical(probs=ex.P_FAIR), Categorical(probs=ex.Q_BIASED)
    assert ex.KL_FAIR_BIASED_BITS == pytest.approx(kl_divergence(p, q).item() / LN2, rel=1e-12)
    assert ex.KL_BIASED_FAIR_BITS == pytest.approx(kl_divergence(q, p).item() / LN2, rel=1e-12)
    assert ex.KL_FAIR_BIASED_BITS != pytest.approx(ex.KL_BIASED_FAIR_BITS, abs=0.01)
    by_torch = F.cross_entropy(ex.Q_BIASED.log(), ex.P_FAIR).item() / LN2
    assert ex.CROSS_ENTROPY_FAIR_BIASED_BITS == pytest.approx(by_torch, rel=1e-12)
    assert ex.CROSS_ENTROPY_FAIR_BIASED_BITS == pytest.approx(
        ex.ENTROPY_FAIR_BITS + ex.KL_FAIR_BIASED_BITS, rel=1e-12
    )


def test_zero_probability_in_the_model():
    fair, certain = Bernoulli(probs=torch.tensor(0.5)), Bernoulli(probs=torch.tensor(0.0))
    assert kl_divergence(fair, certain).item() == math.inf == ex.KL_FAIR_CERTAIN_BITS
    assert ex.KL_CERTAIN_FAIR_BITS == pytest.approx(kl_divergence(certain, fair).item() / LN2)
    assert ex.KL_CERTAIN_FAIR_BITS == 1.0


def test_cross_entropy_of_the_logits_and_its_gradient():
    z = ex.LOGITS.clone().requires_grad_()
    loss = F.cross_entropy(z.unsqueeze(0), torch.tensor([ex.TARGET]))
    loss.backward()
    assert ex.LOSS_TARGET_0 == pytest.approx(loss.item(), rel=1e-12)
    assert ex.LOSS_TARGET_0 == pytest.approx(math.log(math.e**2 + 2) - 2, rel=1e-12)
    other = F.cross_entropy(ex.LOGITS.unsqueeze(0), torch.tensor([1])).item()
    assert ex.LOSS_TARGET_1 == pytest.approx(other, rel=1e-12)
    expected = torch.tensor([ex.GRAD_CORRECT, ex.GRAD_OTHER, ex.GRAD_OTHER], dtype=torch.float64)
    torch.testing.assert_close(z.grad, expected)


def test_ignore_index_mean_divides_by_the_kept_targets():
    mean, total = ex.ignore_index_losses()
    assert mean == pytest.approx(ex.IGNORE_MEAN, rel=1e-6)
    assert total == pytest.approx(ex.IGNORE_SUM, rel=1e-6)
    assert mean != pytest.approx(ex.IGNORE_MEAN_OVER_THREE, rel=0.01)


def test_mle_and_the_smallest_bce():
    theta = torch.linspace(0.001, 0.999, 999, dtype=torch.float64)
    y = torch.tensor([1.0] * ex.WHITE + [0.0] * (ex.DRAWS - ex.WHITE), dtype=torch.float64)
    bce = torch.stack([F.binary_cross_entropy(t.expand(ex.DRAWS), y) for t in theta])
    assert theta[bce.argmin()].item() == pytest.approx(ex.MLE, abs=1e-9)
    assert bce.min().item() == pytest.approx(ex.MIN_BCE_NATS, rel=1e-12)
