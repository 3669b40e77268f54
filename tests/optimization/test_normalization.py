import pytest
import torch

from snippets.optimization import normalization as nm
from snippets.optimization.normalization import BatchNorm1d, layer_norm


def batches(seed: int, count: int = 4):
    g = torch.Generator().manual_seed(seed)
    return [3 + 2 * torch.randn(8, 5, generator=g) for _ in range(count)]


def test_batch_norm_matches_torch_in_training_and_eval():
    ours, theirs = BatchNorm1d(5, momentum=0.2), torch.nn.BatchNorm1d(5, momentum=0.2)
    with torch.no_grad():
        theirs.weight.copy_(torch.linspace(0.5, 2, 5))
        theirs.bias.copy_(torch.linspace(-1, 1, 5))
    ours.gamma, ours.beta = theirs.weight.detach().clone(), theirs.bias.detach().clone()
    for x in batches(0):
        torch.testing.assert_close(ours(x), theirs(x).detach())
        torch.testing.assert_close(ours.running_mean, theirs.running_mean)
        torch.testing.assert_close(ours.running_var, theirs.running_var)
    ours.training = False
    theirs.eval()
    for x in batches(1, 2):
        torch.testing.assert_close(ours(x), theirs(x).detach())
    assert int(theirs.num_batches_tracked) == 4


def test_training_output_has_zero_mean_and_unit_variance_per_feature():
    y = BatchNorm1d(5)(batches(2, 1)[0])
    torch.testing.assert_close(y.mean(dim=0), torch.zeros(5), atol=1e-6, rtol=0)
    torch.testing.assert_close(y.var(dim=0, unbiased=False), torch.ones(5), atol=1e-4, rtol=0)


def test_example_running_statistics():
    assert (nm.BATCH_MEAN_0, nm.BATCH_MEAN_1) == (4.0, 5.0)
    assert (nm.BATCH_VAR_0, nm.BATCH_VAR_1) == (5.0, 11.0)
    assert nm.RUNNING_MEAN_0 == pytest.approx(0.4) and nm.RUNNING_MEAN_1 == pytest.approx(0.5)
    assert nm.RUNNING_VAR_0 == pytest.approx(0.9 + 0.1 * 20 / 3, rel=1e-6)
    assert nm.RUNNING_VAR_1 == pytest.approx(0.9 + 0.1 * 44 / 3, rel=1e-6)


def test_eval_output_does_not_depend_on_the_rest_of_the_batch():
    bn = torch.nn.BatchNorm1d(5)
    for x in batches(3):
        bn(x)
    bn.eval()
    x = batches(4, 1)[0]
    torch.testing.assert_close(bn(x)[:1], bn(x[:1]))
    bn.train()
    assert not torch.allclose(bn(x)[:2], bn(x[:2]))


def test_one_sample_in_training_mode_is_an_error():
    assert nm.single_sample_error().startswith("Expected more than 1 value per channel")


def test_layer_norm_matches_torch_and_ignores_the_scale_of_each_sample():
    g = torch.Generator().manual_seed(5)
    x = torch.randn(6, 7, generator=g)
    ln = torch.nn.LayerNorm(7)
    with torch.no_grad():
        ln.weight.copy_(torch.linspace(0.5, 2, 7))
        ln.bias.copy_(torch.linspace(-1, 1, 7))
        torch.testing.assert_close(layer_norm(x, ln.weight, ln.bias), ln(x))
        scaled = x * torch.tensor([[1.0], [10.0], [100.0], [2.0], [1.0], [3.0]])
        torch.testing.assert_close(layer_norm(scaled, ln.weight, ln.bias), ln(x), atol=1e-4, rtol=0)
