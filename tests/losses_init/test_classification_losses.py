import pytest
import torch
import torch.nn.functional as F
from torch import nn

from snippets.losses_init import classification_losses as cl


def random_batch(seed: int, n: int = 12, classes: int = 5):
    generator = torch.Generator().manual_seed(seed)
    logits = 3 * torch.randn(n, classes, generator=generator, dtype=torch.float64)
    target = torch.randint(classes, (n,), generator=generator)
    target[::4] = -100
    weight = torch.rand(classes, generator=generator, dtype=torch.float64) + 0.1
    probs = torch.softmax(2 * torch.randn(n, classes, generator=generator, dtype=torch.float64), 1)
    return logits, target, weight, probs


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_cross_entropy_by_hand(seed):
    logits, target, weight, probs = random_batch(seed)
    torch.testing.assert_close(
        cl.cross_entropy_by_hand(logits, target), F.cross_entropy(logits, target)
    )
    torch.testing.assert_close(
        cl.cross_entropy_by_hand(logits, target, weight),
        F.cross_entropy(logits, target, weight=weight),
    )
    torch.testing.assert_close(cl.cross_entropy_soft(logits, probs), F.cross_entropy(logits, probs))
    kept = target != -100
    torch.testing.assert_close(
        cl.cross_entropy_smoothed(logits[kept], target[kept], 0.2),
        F.cross_entropy(logits[kept], target[kept], label_smoothing=0.2),
    )


def test_weighted_mean_divides_by_the_weights_but_soft_targets_by_n():
    logits, target, weight, probs = random_batch(5)
    kept = target != -100
    per_sample = F.cross_entropy(logits, target, weight=weight, reduction="none")[kept]
    torch.testing.assert_close(
        F.cross_entropy(logits, target, weight=weight),
        per_sample.sum() / weight[target[kept]].sum(),
    )
    soft = -(weight * probs * torch.log_softmax(logits, 1)).sum(1)
    torch.testing.assert_close(F.cross_entropy(logits, probs, weight=weight), soft.mean())


def test_class_dimension_must_be_dim_1():
    assert cl.SEQUENCE_WRONG != pytest.approx(cl.SEQUENCE_RIGHT)
    assert round(cl.SEQUENCE_WRONG, 4) == 1.3980
    assert round(cl.SEQUENCE_RIGHT, 4) == 1.5260
    with pytest.raises(RuntimeError, match="Expected target size"):
        F.cross_entropy(torch.randn(2, 5, 3), torch.randint(0, 3, (2, 5)))
    # soft targets of the same shape are silently read with dim 1 as the classes
    logits = torch.randn(2, 4, 3, generator=torch.Generator().manual_seed(0))
    probs = torch.softmax(torch.randn(2, 4, 3, generator=torch.Generator().manual_seed(1)), 2)
    wrong = F.cross_entropy(logits, probs)
    right = F.cross_entropy(logits.transpose(1, 2), probs.transpose(1, 2))
    assert not torch.allclose(wrong, right)


@pytest.mark.parametrize("pos_weight", [1.0, 3.0, 9.0])
def test_pos_weight_by_hand(pos_weight):
    generator = torch.Generator().manual_seed(2)
    logits = 4 * torch.randn(50, generator=generator, dtype=torch.float64)
    target = (torch.rand(50, generator=generator) < 0.3).double()
    expected = nn.BCEWithLogitsLoss(pos_weight=torch.tensor(pos_weight, dtype=torch.float64))(
        logits, target
    )
    torch.testing.assert_close(cl.bce_with_logits_by_hand(logits, target, pos_weight), expected)


def test_pos_weight_balances_the_bias_gradient():
    assert cl.POS_WEIGHT == 9.0
    assert cl.BIAS_GRAD_PLAIN == pytest.approx(0.4)
    assert cl.BIAS_GRAD_WEIGHTED == pytest.approx(0.0, abs=1e-12)


def test_sigmoid_then_bce_loses_precision_and_saturates():
    assert cl.PRECISION_LOSS_TRUE == pytest.approx(15.0, abs=1e-6)
    assert cl.PRECISION_LOSS_UNFUSED == pytest.approx(14.84, abs=0.01)
    assert cl.fused_bce(15.0, 0.0)[0] == pytest.approx(15.0)
    assert cl.SATURATED_LOSS == 100.0
    assert cl.SATURATED_GRAD == 0.0
    assert cl.fused_bce(20.0, 0.0) == pytest.approx((20.0, 1.0))
    assert cl.SATURATED_LOSS_FLOAT64 == pytest.approx(20.0)
    assert cl.SATURATED_GRAD_FLOAT64 == pytest.approx(1.0)
    assert cl.SIGMOID_ONE_FLOAT32 == 17.0
    assert cl.SIGMOID_ONE_FLOAT64 == 37.0


def test_the_mechanisms():
    # positive side: sigmoid rounds to 1.0, its backward sigma (1 - sigma) is exactly 0,
    # while BCELoss's own gradient is large but finite
    assert torch.sigmoid(torch.tensor(20.0)).item() == 1.0
    assert cl.SIGMOID_GRAD_AT_20 == 0.0
    assert cl.BCE_GRAD_AT_ONE == pytest.approx(1e12, rel=1e-6)
    # negative side: the loss is right, the gradient is not, because of the floor
    assert cl.NEGATIVE_LOSS == pytest.approx(30.0, abs=1e-4)
    p = torch.sigmoid(torch.tensor(cl.NEGATIVE_Z)).item()
    assert p * (1 - p) < cl.BCE_GRAD_EPSILON
    assert cl.NEGATIVE_GRAD == pytest.approx(-p / cl.BCE_GRAD_EPSILON, rel=1e-5)
    assert cl.fused_bce(cl.NEGATIVE_Z, 1.0)[1] == pytest.approx(-1.0)
    for q in (1e-3, 1e-8, 1e-13, 1 - 1e-6):
        expected = (q - 1) / max(q * (1 - q), cl.BCE_GRAD_EPSILON)
        assert cl.bce_input_gradient(q, 1.0) == pytest.approx(expected, rel=1e-4)


def test_reduction_scales_the_gradient():
    g = cl.REDUCTION_GRADS
    assert g["mean"] == pytest.approx(g["sum"] / cl.KEPT_SAMPLES)
    assert g["mean_weighted"] == pytest.approx(g["sum"] / cl.WEIGHT_SUM)
    _, target = cl.demo_batch()
    weight = torch.tensor([1.0, 2.0, 3.0, 4.0], dtype=torch.float64)
    assert weight[target[target != -100]].sum().item() == cl.WEIGHT_SUM


def test_floor_logit():
    assert cl.BCE_FLOOR_LOGIT == pytest.approx(-27.631, abs=1e-3)
    for z in (cl.BCE_FLOOR_LOGIT + 0.5, cl.BCE_FLOOR_LOGIT - 0.5):
        p = torch.sigmoid(torch.tensor(z, dtype=torch.float64)).item()
        assert (p * (1 - p) < cl.BCE_GRAD_EPSILON) == (z < cl.BCE_FLOOR_LOGIT)
    assert cl.NEGATIVE_P == pytest.approx(9.3576e-14, rel=1e-4)


def test_bce_mean_divides_by_the_element_count_whatever_the_weights():
    generator = torch.Generator().manual_seed(3)
    logits = torch.randn(6, 2, generator=generator, dtype=torch.float64)
    target = (torch.rand(6, 2, generator=generator) < 0.5).double()
    weight = torch.rand(6, 2, generator=generator, dtype=torch.float64)
    pos_weight = torch.tensor([3.0, 0.5], dtype=torch.float64)
    for kwargs in ({"weight": weight}, {"pos_weight": pos_weight}):
        none = F.binary_cross_entropy_with_logits(logits, target, reduction="none", **kwargs)
        mean = F.binary_cross_entropy_with_logits(logits, target, **kwargs)
        torch.testing.assert_close(mean, none.sum() / 12)
    p = torch.sigmoid(logits)
    none = F.binary_cross_entropy(p, target, weight=weight, reduction="none")
    torch.testing.assert_close(F.binary_cross_entropy(p, target, weight=weight), none.sum() / 12)


def test_soft_targets_with_extra_dimensions_average_over_samples_and_positions():
    generator = torch.Generator().manual_seed(4)
    logits = torch.randn(2, 3, 5, generator=generator, dtype=torch.float64)
    probs = torch.softmax(torch.randn(2, 3, 5, generator=generator, dtype=torch.float64), 1)
    weight = torch.tensor([1.0, 2.0, 0.5], dtype=torch.float64)
    per_position = -(weight[None, :, None] * probs * torch.log_softmax(logits, 1)).sum(1)
    torch.testing.assert_close(
        F.cross_entropy(logits, probs, weight=weight), per_position.sum() / (2 * 5)
    )
