import math

import pytest
import torch
from torch import nn

from snippets.overview import exercises as ex
from snippets.overview import history, ml_vs_dl, neural_networks, workflow


def test_ball_fraction_formula_matches_known_volumes_and_sampling():
    assert ml_vs_dl.ball_fraction_exact(2) == pytest.approx(math.pi / 4)
    assert ml_vs_dl.ball_fraction_exact(3) == pytest.approx(math.pi / 6)
    for d in (2, 3, 5):
        sampled = ml_vs_dl.ball_fraction_sampled(d)
        assert sampled == pytest.approx(ml_vs_dl.ball_fraction_exact(d), abs=0.01)
    assert ml_vs_dl.inside_count_20d() == 0


def test_distances_concentrate_and_neighborhoods_widen():
    ratios = [ml_vs_dl.nearest_over_farthest(d) for d in (2, 10, 100, 1000)]
    assert ratios == sorted(ratios)
    assert ratios[0] < 0.05 and ratios[-1] > 0.85
    assert ml_vs_dl.EDGE_1PCT_10D**10 == pytest.approx(0.01)
    assert ml_vs_dl.CELLS_10_BINS_6D == 1_000_000


def test_neuron_and_layer_by_hand():
    z = 0.4 * 1.0 - 0.2 * 0.5 + 0.1 * -1.0 + 0.2
    assert neural_networks.NEURON_OUTPUT == pytest.approx(1 / (1 + math.exp(-z)), abs=1e-7)
    torch.manual_seed(0)
    layer = nn.Linear(3, 2)
    x = torch.randn(4, 3)
    torch.testing.assert_close(layer(x), x @ layer.weight.T + layer.bias)


def test_linearity_checks():
    x, y = torch.tensor([1.0, -2.0, 3.0]), torch.tensor([-1.0, 1.0, -1.0])
    f = nn.Linear(3, 2, bias=False)
    g = nn.Linear(3, 2)
    assert neural_networks.is_additive(f, x, y) and neural_networks.is_homogeneous(f, x, -1.0)
    assert not neural_networks.is_additive(g, x, y)
    assert not neural_networks.is_additive(torch.relu, x, y)
    assert neural_networks.is_homogeneous(torch.relu, x, 2.0)
    assert not neural_networks.is_homogeneous(torch.relu, x, -1.0)


def test_two_linear_layers_are_one_matrix():
    torch.manual_seed(0)
    first, second = nn.Linear(3, 4, bias=False), nn.Linear(4, 2, bias=False)
    x = torch.randn(5, 3)
    torch.testing.assert_close(second(first(x)), x @ (second.weight @ first.weight).T)
    first, second = nn.Linear(3, 4), nn.Linear(4, 2)
    w = second.weight @ first.weight
    b = second.weight @ first.bias + second.bias
    torch.testing.assert_close(second(first(x)), x @ w.T + b)


def test_parameter_counts():
    assert neural_networks.MNIST_MLP_PARAMETERS == 203530
    assert neural_networks.count_parameters(neural_networks.mnist_mlp()) == 203530
    assert history.LENET5_PARAMETERS == 61706
    assert history.LENET5_C3 == history.count_parameters(history.lenet5()[3])
    assert history.LENET5_1998_PARAMETERS == 60000
    assert history.LENET5_1998_C3 == 1516
    assert history.alexnet_parameters() == 60965224
    assert history.alexnet_output_shape() == (1, 1000)
    assert history.vgg16_parameters() == 138357544
    assert history.transformer_base_parameters() == 44140544
    assert history.lenet5()(torch.zeros(2, 1, 32, 32)).shape == (2, 10)


def test_workflow_overfits_and_the_best_epoch_is_kept():
    result = workflow.run()
    train, val = result["history"]["train"], result["history"]["val"]
    best = result["best"]["epoch"]
    assert min(val) == val[best] == result["best"]["val"]
    assert train[-1] < train[best] and val[-1] > 2 * val[best]
    assert workflow.last_train_accuracy() > workflow.last_val_accuracy() + 0.2
    assert workflow.MODEL_PARAMETERS == (2 * 64 + 64) + (64 * 64 + 64) + (64 * 2 + 2)
    x, y = workflow.make_data()
    parts = workflow.split(x, y)
    assert sum(len(p[0]) for p in parts) == 300
    seen = torch.cat([p[0] for p in parts])
    assert len(torch.unique(seen, dim=0)) == 300  # no example in two sets


def test_exercise_answers():
    assert ex.MLP_100_50_10 == 100 * 50 + 50 + 50 * 10 + 10
    assert ex.EDGE_10PCT_20D**20 == pytest.approx(0.1)
    torch.testing.assert_close(torch.tensor(ex.merged_weight()), ex.W2 @ ex.W1)
    x = torch.randn(7, 2)
    torch.testing.assert_close((x @ ex.W1.T) @ ex.W2.T, x @ torch.tensor(ex.merged_weight()).T)
    assert ex.LENET_28_TOTAL == history.count_parameters(ex.lenet_on_28())
    assert ex.lenet_on_28()(torch.zeros(1, 1, 28, 28)).shape == (1, 10)
    assert ex.LENET_28_FIRST_LINEAR == 256 * 120 + 120
    assert ex.homogeneity_prints() == (False, True)
