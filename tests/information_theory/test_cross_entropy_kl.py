import math

import pytest
import torch
import torch.nn.functional as F
from torch.distributions import Bernoulli, Categorical, Normal, kl_divergence

from snippets.information_theory import cross_entropy_kl as m


def random_distributions(rows: int, outcomes: int, seed: int) -> torch.Tensor:
    torch.manual_seed(seed)
    return torch.randn(rows, outcomes).mul(2).softmax(dim=-1)


P, Q = random_distributions(16, 5, seed=0), random_distributions(16, 5, seed=1)


def test_cross_entropy_matches_torch():
    torch.testing.assert_close(
        m.cross_entropy(P, Q, base=math.e), F.cross_entropy(Q.log(), P, reduction="none")
    )
    torch.testing.assert_close(
        m.cross_entropy(P, Q), m.cross_entropy(P, Q, base=math.e) / math.log(2)
    )


def test_cross_entropy_of_p_with_itself_is_its_entropy():
    torch.testing.assert_close(m.cross_entropy(P, P, base=math.e), Categorical(probs=P).entropy())


def test_kl_matches_torch():
    expected = kl_divergence(Categorical(probs=P), Categorical(probs=Q))
    torch.testing.assert_close(m.kl(P, Q, base=math.e), expected)
    torch.testing.assert_close(F.kl_div(Q.log(), P, reduction="batchmean"), expected.mean())
    for p, q in zip(P, Q, strict=True):
        torch.testing.assert_close(F.kl_div(q.log(), p, reduction="sum"), m.kl(p, q, math.e))


def test_kl_is_positive_and_zero_only_for_equal_distributions():
    assert (m.kl(P, Q) > 0).all()
    torch.testing.assert_close(m.kl(P, P), torch.zeros(16))


def test_kl_is_infinite_where_q_rules_out_what_p_allows():
    assert m.kl(torch.tensor([0.5, 0.5]), torch.tensor([1.0, 0.0])).isinf()
    assert m.kl(torch.tensor([1.0, 0.0]), torch.tensor([0.5, 0.5])).isfinite()


def test_cross_entropy_is_entropy_plus_kl():
    torch.testing.assert_close(
        F.cross_entropy(Q.log(), P, reduction="none"),
        Categorical(probs=P).entropy() + kl_divergence(Categorical(probs=P), Categorical(probs=Q)),
    )
    torch.testing.assert_close(m.cross_entropy(P, Q), m.cross_entropy(P, P) + m.kl(P, Q))


def test_worked_example_in_bits_and_nats():
    assert m.ENTROPY_P_BITS == pytest.approx(1.5)
    assert m.CROSS_ENTROPY_BITS == pytest.approx(1.75)
    assert m.KL_PQ_BITS == pytest.approx(0.25)
    assert m.KL_QP_BITS == pytest.approx(0.25)
    ln2 = math.log(2)
    assert m.ENTROPY_P_NATS == pytest.approx(1.5 * ln2)
    assert m.CROSS_ENTROPY_NATS == pytest.approx(1.75 * ln2)
    assert m.KL_PQ_NATS == pytest.approx(0.25 * ln2)
    assert m.KL_PQ_NATS == pytest.approx(F.kl_div(m.Q.log(), m.P, reduction="sum").item())


def test_kl_div_misuse():
    swapped = (m.Q * (m.Q.log() - m.P)).sum().item()
    assert m.KL_DIV_SWAPPED_NATS == pytest.approx(swapped)
    assert m.KL_DIV_SWAPPED_NATS < 0
    with pytest.warns(UserWarning):
        mean = F.kl_div(m.Q.log(), m.P)
    assert mean.item() == pytest.approx(m.KL_PQ_NATS / 3)


def test_kl_is_asymmetric():
    assert m.KL_COIN_FAIR_BITS == pytest.approx(1 - 0.4689955935892812, rel=1e-6)
    assert m.KL_FAIR_COIN_BITS == pytest.approx(0.5 * math.log2(25 / 9), rel=1e-6)
    assert m.KL_COIN_FAIR_BITS != pytest.approx(m.KL_FAIR_COIN_BITS, abs=0.1)


def test_a_swap_gives_a_symmetric_kl_and_a_cyclic_shift_does_not():
    assert m.KL_PQ_BITS == pytest.approx(m.KL_QP_BITS)
    p = m.P_SHIFT.double()
    assert m.KL_SHIFT_PQ_BITS == pytest.approx((p * (p / p.roll(1)).log2()).sum().item())
    assert m.KL_SHIFT_QP_BITS == pytest.approx((p.roll(1) * (p.roll(1) / p).log2()).sum().item())
    assert m.KL_SHIFT_PQ_BITS - m.KL_SHIFT_QP_BITS > 0.04


def test_bernoulli_kl_matches_torch():
    theta_p, theta_q = torch.tensor(0.3), torch.linspace(0.05, 0.95, 19)
    p, q = m.bernoulli(theta_p).expand(19, 2), m.bernoulli(theta_q)
    torch.testing.assert_close(
        m.kl(p, q, base=math.e), kl_divergence(Bernoulli(theta_p), Bernoulli(theta_q))
    )
    torch.testing.assert_close(
        m.kl(q, p, base=math.e), kl_divergence(Bernoulli(theta_q), Bernoulli(theta_p))
    )


def test_gradients_of_cross_entropy_and_kl_agree():
    torch.manual_seed(2)
    p = random_distributions(1, 4, seed=3)[0]
    logits = torch.randn(4, requires_grad=True)
    (grad_ce,) = torch.autograd.grad(m.cross_entropy(p, logits.softmax(-1)), logits)
    (grad_kl,) = torch.autograd.grad(m.kl(p, logits.softmax(-1)), logits)
    torch.testing.assert_close(grad_ce, grad_kl)
    torch.testing.assert_close(grad_ce, (logits.softmax(-1) - p).detach() / math.log(2))


def test_minimizing_cross_entropy_recovers_p_and_stops_at_its_entropy():
    q = m.minimize_cross_entropy(m.P)
    torch.testing.assert_close(q, m.P)
    torch.testing.assert_close(m.cross_entropy(m.P, q), torch.tensor(1.5))


def test_uniform_guess_loss_is_log_of_class_count():
    assert m.UNIFORM_GUESS_LOSS_NATS == pytest.approx(math.log(10), rel=1e-6)
    loss = F.cross_entropy(torch.zeros(1, 10), torch.tensor([3]))
    assert m.UNIFORM_GUESS_LOSS_NATS == pytest.approx(loss.item(), rel=1e-6)


def test_grid_kl_matches_closed_form_for_two_normals():
    one = torch.tensor(1.0, dtype=torch.float64)
    log_p = m.normal_log_density(m.GRID, 0 * one, one)
    log_q = m.normal_log_density(m.GRID, 0.5 * one, 1.5 * one)
    expected = kl_divergence(Normal(0 * one, one), Normal(0.5 * one, 1.5 * one))
    torch.testing.assert_close(m.continuous_kl(log_p, log_q), expected)


def test_mixture_density_and_its_std():
    density = m.bimodal_log_density(m.GRID).exp()
    assert (density.sum() * m.GRID_STEP).item() == pytest.approx(1.0, abs=1e-9)
    variance = (density * m.GRID**2).sum() * m.GRID_STEP
    assert m.MIXTURE_STD == pytest.approx(math.sqrt(variance.item()), rel=1e-6)
    assert m.MIXTURE_STD == pytest.approx(math.sqrt(0.36 + 4))


def test_forward_kl_matches_moments_and_reverse_kl_picks_a_peak():
    assert m.forward_fit_mean() == pytest.approx(0.0, abs=1e-6)
    assert m.forward_fit_std() == pytest.approx(m.MIXTURE_STD, rel=1e-6)
    assert m.reverse_fit_mean() == pytest.approx(2.0, abs=0.01)
    assert m.reverse_fit_std() == pytest.approx(0.6, abs=0.01)
    mean, std = m.fit_gaussian("reverse", start_mean=-1.0)
    assert (mean, std) == pytest.approx((-2.0, 0.6), abs=0.01)
