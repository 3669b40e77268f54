import math

import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.information_theory import cross_entropy_loss as ce


def random_batch(seed: int, n: int = 8, classes: int = 5) -> tuple[torch.Tensor, torch.Tensor]:
    generator = torch.Generator().manual_seed(seed)
    logits = 3 * torch.randn(n, classes, generator=generator)
    target = torch.randint(classes, (n,), generator=generator)
    return logits, target


def test_one_hot_cross_entropy_is_minus_log_of_the_true_class():
    q = torch.softmax(torch.tensor([[1.0, -0.5, 2.0, 0.3]]), dim=1)
    for y in range(4):
        p = F.one_hot(torch.tensor([y]), 4).float()
        torch.testing.assert_close(ce.cross_entropy(p, q), -torch.log(q[:, y]))


def test_one_hot_floats_match_class_indices_only_without_class_weights():
    torch.manual_seed(0)
    logits, target = torch.randn(4, 3), torch.tensor([0, 2, 1, 2])
    one_hot = F.one_hot(target, 3).float()
    torch.testing.assert_close(F.cross_entropy(logits, one_hot), F.cross_entropy(logits, target))
    weight = torch.tensor([1.0, 2.0, 3.0])
    summed = F.cross_entropy(logits, target, weight=weight, reduction="sum")
    by_index = F.cross_entropy(logits, target, weight=weight)
    by_one_hot = F.cross_entropy(logits, one_hot, weight=weight)
    torch.testing.assert_close(by_index, summed / weight[target].sum())
    torch.testing.assert_close(by_one_hot, summed / 4)
    assert by_one_hot.item() > 2 * by_index.item()


def test_cross_entropy_skips_terms_with_zero_target_probability():
    p, q = torch.tensor([1.0, 0.0]), torch.tensor([1.0, 0.0])
    assert ce.cross_entropy(p, q).item() == 0.0
    assert torch.isnan(-(p * torch.log(q)).sum())


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_three_ways_agree(seed):
    logits, target = random_batch(seed)
    expected = nn.CrossEntropyLoss()(logits, target)
    torch.testing.assert_close(ce.cross_entropy_by_hand(logits, target), expected)
    torch.testing.assert_close(F.nll_loss(F.log_softmax(logits, dim=1), target), expected)


def test_demo_batch_loss():
    torch.manual_seed(0)
    logits = torch.randn(4, 3)
    target = torch.tensor([0, 2, 1, 2])
    assert round(ce.cross_entropy_by_hand(logits, target).item(), 4) == 0.9357


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_gradient_is_softmax_minus_onehot_over_n(seed):
    logits, target = random_batch(seed)
    logits.requires_grad_(True)
    (grad,) = torch.autograd.grad(nn.CrossEntropyLoss()(logits, target), logits)
    torch.testing.assert_close(ce.cross_entropy_grad(logits.detach(), target), grad)
    torch.testing.assert_close(grad.sum(dim=1), torch.zeros(len(target)), atol=1e-7, rtol=0)


def test_softmax_first_keeps_a_confident_right_answer_expensive():
    assert ce.RIGHT_LOSS == pytest.approx(math.log(1 + 2 * math.exp(-8)), rel=1e-4)
    assert ce.RIGHT_LOSS_BUG > 800 * ce.RIGHT_LOSS
    assert ce.RIGHT_LOSS_BUG == pytest.approx(ce.FLOOR_3_CLASSES, abs=1e-3)


def test_softmax_first_squashes_the_gradient_of_a_wrong_answer():
    assert ce.WRONG_LOSS == pytest.approx(math.log(2 + math.exp(5)), rel=1e-5)
    assert ce.WRONG_LOSS_BUG < ce.WRONG_LOSS / 3
    assert ce.GRAD_SHRINK_FACTOR > 90
    assert ce.WRONG_GRAD_NORM_BUG < 0.02


@pytest.mark.parametrize("classes", [2, 3, 10, 1000])
def test_floor_is_the_loss_of_a_perfect_probability_vector(classes):
    perfect = F.one_hot(torch.tensor([0]), classes).double()
    loss = nn.CrossEntropyLoss()(perfect, torch.tensor([0]))
    assert ce.probability_input_loss_floor(classes) == pytest.approx(loss.item(), rel=1e-12)


def test_floor_with_1000_classes_is_close_to_uniform_guessing():
    assert round(ce.FLOOR_1000_CLASSES, 2) == 5.91
    assert round(ce.UNIFORM_LOSS_1000_CLASSES, 2) == 6.91


def test_log_of_softmax_overflows_where_log_softmax_does_not():
    z = torch.tensor([0.0, 1000.0])
    assert torch.isinf(torch.log(torch.softmax(z, dim=0))[0])
    expected = torch.tensor([-1000.0, 0.0])
    torch.testing.assert_close(F.log_softmax(z, dim=0), expected)
    torch.testing.assert_close(ce.log_softmax_via_logsumexp(z), expected)
    assert F.cross_entropy(z.unsqueeze(0), torch.tensor([0])).item() == 1000.0


@pytest.mark.parametrize("seed", [0, 1])
def test_log_softmax_via_logsumexp_matches_torch(seed):
    logits, _ = random_batch(seed)
    torch.testing.assert_close(ce.log_softmax_via_logsumexp(logits), F.log_softmax(logits, -1))


@pytest.mark.parametrize("smoothing", [0.0, 0.1, 0.3])
def test_label_smoothing_is_cross_entropy_with_smoothed_targets(smoothing):
    logits, target = random_batch(3)
    soft = ce.smoothed_targets(target, 5, smoothing)
    torch.testing.assert_close(soft.sum(dim=1), torch.ones(len(target)))
    expected = nn.CrossEntropyLoss(label_smoothing=smoothing)(logits, target)
    torch.testing.assert_close(nn.CrossEntropyLoss()(logits, soft), expected)
    by_definition = ce.cross_entropy(soft, torch.softmax(logits, dim=1)).mean()
    torch.testing.assert_close(by_definition, expected)


def test_ignore_index_divides_by_the_kept_targets_only():
    logits, _ = random_batch(4, n=4, classes=3)
    target = torch.tensor([0, 2, -100, -100])
    kept = F.cross_entropy(logits[:2], target[:2], reduction="sum") / 2
    torch.testing.assert_close(F.cross_entropy(logits, target), kept)
