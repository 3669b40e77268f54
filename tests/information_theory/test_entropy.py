import math

import torch
from torch.distributions import Beta, Categorical, Normal, Uniform

from snippets.information_theory import entropy as e


def random_distributions(rows: int, outcomes: int, seed: int = 0) -> torch.Tensor:
    torch.manual_seed(seed)
    return torch.randn(rows, outcomes).mul(2).softmax(dim=-1)


def test_information_content_is_minus_log_prob_in_bits():
    p = random_distributions(4, 6)
    log_probs = Categorical(probs=p).log_prob(torch.arange(6).unsqueeze(1)).T
    torch.testing.assert_close(e.information_content(p), -log_probs / math.log(2))
    torch.testing.assert_close(e.information_content(p, base=math.e), -p.log())


def test_information_content_of_examples():
    p = torch.tensor([1.0, 0.5, 0.125, 0.01, 0.9])
    expected = torch.tensor([0.0, 1.0, 3.0, 6.643856, 0.152003])
    torch.testing.assert_close(e.information_content(p), expected)


def test_information_of_independent_events_adds_up():
    px, py = torch.tensor(0.3), torch.tensor(0.2)
    torch.testing.assert_close(
        e.information_content(px * py), e.information_content(px) + e.information_content(py)
    )


def test_entropy_matches_categorical_entropy():
    p = random_distributions(8, 5)
    torch.testing.assert_close(e.entropy(p, base=math.e), Categorical(probs=p).entropy())
    torch.testing.assert_close(e.entropy(p), Categorical(probs=p).entropy() / math.log(2))


def test_worked_examples():
    assert e.FAIR_COIN_BITS == 1.0
    assert math.isclose(e.FAIR_COIN_NATS, math.log(2), rel_tol=1e-6)
    biased = -(0.9 * math.log2(0.9) + 0.1 * math.log2(0.1))
    assert math.isclose(e.BIASED_COIN_BITS, biased, rel_tol=1e-6)
    assert math.isclose(e.BIASED_COIN_BITS, 0.469, abs_tol=5e-4)
    assert math.isclose(e.BIASED_COIN_NATS, biased * math.log(2), rel_tol=1e-6)
    assert math.isclose(e.FAIR_DIE_BITS, 3.0, rel_tol=1e-6)
    assert e.CERTAIN_BITS == 0.0


def test_bits_and_nats_conversion():
    assert math.isclose(e.BITS_PER_NAT, 1.4427, abs_tol=5e-5)
    assert math.isclose(e.NATS_PER_BIT, 0.6931, abs_tol=5e-5)
    assert math.isclose(e.BITS_PER_NAT * e.NATS_PER_BIT, 1.0)
    p = random_distributions(3, 4, seed=1)
    torch.testing.assert_close(e.entropy(p), e.entropy(p, base=math.e) * e.BITS_PER_NAT)


def test_uniform_distribution_has_the_largest_entropy():
    for outcomes in (2, 3, 8, 10):
        assert math.isclose(e.uniform_entropy_bits(outcomes), math.log2(outcomes), rel_tol=1e-6)
        assert (e.entropy(random_distributions(200, outcomes)) < math.log2(outcomes)).all()


def test_binary_entropy_peaks_at_one_half():
    p = torch.linspace(0, 1, 101)
    h = e.binary_entropy(p)
    assert p[h.argmax()].item() == 0.5
    torch.testing.assert_close(h.max(), torch.tensor(1.0))
    torch.testing.assert_close(h, h.flip(0))
    assert h[0] == 0 and h[-1] == 0


def test_zero_probability_terms():
    certain = torch.tensor([1.0, 0.0])
    assert e.entropy_naive(certain).isnan()
    assert e.entropy_masked(certain) == 0
    assert e.entropy(certain) == 0
    p = torch.tensor([0.5, 0.0, 0.25, 0.25])
    torch.testing.assert_close(e.entropy_masked(p), torch.tensor(1.5))
    torch.testing.assert_close(e.entropy(p), torch.tensor(1.5))


def test_xlogy_gradient_at_zero_is_not_finite_but_logits_are_safe():
    p = torch.tensor([1.0, 0.0], requires_grad=True)
    e.entropy(p).backward()
    assert not p.grad.isfinite().all()
    logits = torch.tensor([30.0, -30.0, 0.0], requires_grad=True)
    Categorical(logits=logits).entropy().backward()
    assert logits.grad.isfinite().all()


def test_categorical_normalizes_its_probs():
    counts = torch.tensor([3.0, 1.0])
    torch.testing.assert_close(
        Categorical(probs=counts).entropy(), e.entropy(torch.tensor([0.75, 0.25]), base=math.e)
    )
    assert e.entropy(counts) < 0


def test_differential_entropy_can_be_negative():
    expected = Normal(0.0, 0.1).entropy().item()
    assert math.isclose(e.normal_entropy_nats(0.1), expected, rel_tol=1e-6)
    assert e.NORMAL_SMALL_STD_NATS < 0


def test_uniform_density_has_the_largest_differential_entropy_on_the_unit_interval():
    uniform = Uniform(0.0, 1.0).entropy().item()
    assert uniform == 0.0
    two = torch.tensor(2.0, dtype=torch.float64)
    assert math.isclose(e.BETA_2_2_NATS, Beta(two, two).entropy().item(), rel_tol=1e-12)
    for a, b in [(2.0, 2.0), (0.5, 0.5), (1.5, 3.0), (1.01, 0.99)]:
        beta = Beta(torch.tensor(a, dtype=torch.float64), torch.tensor(b, dtype=torch.float64))
        assert beta.entropy().item() < uniform
