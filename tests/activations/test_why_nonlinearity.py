import torch
from torch import nn

from snippets.activations.why_nonlinearity import max_gap_after_merging, merge_linear_layers


def test_two_linear_layers_equal_their_merged_layer():
    torch.manual_seed(1)
    first, second = nn.Linear(3, 4), nn.Linear(4, 2)
    x = torch.randn(10, 3)
    torch.testing.assert_close(merge_linear_layers(first, second)(x), second(first(x)))


def test_merged_layer_has_composed_shape():
    merged = merge_linear_layers(nn.Linear(3, 4), nn.Linear(4, 2))
    assert merged.weight.shape == (2, 3)
    assert merged.bias.shape == (2,)


def test_any_depth_collapses_to_one_layer():
    for depth in (2, 5, 10):
        assert max_gap_after_merging(depth) < 1e-5


def test_relu_in_between_breaks_the_collapse():
    torch.manual_seed(0)
    first, second = nn.Linear(3, 4), nn.Linear(4, 2)
    x = torch.randn(50, 3)
    merged = merge_linear_layers(first, second)
    gap = (second(torch.relu(first(x))) - merged(x)).abs().max().item()
    assert gap > 0.1
