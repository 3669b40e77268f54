import math

import pytest
import torch

from snippets.pytorch_basics import modules as md


def test_the_3_3_2_2_network_has_26_parameters():
    assert md.count_by_hand(md.TINY_NET_SIZES) == 26
    assert md.TINY_NET_PARAMETERS == md.SEQUENTIAL_PARAMETERS == 26
    assert (md.LAYER1_PARAMETERS, md.LAYER2_PARAMETERS, md.LAYER3_PARAMETERS) == (12, 8, 6)


def test_forward_composes_the_layers():
    torch.manual_seed(0)
    model = md.TinyNet()
    x = torch.randn(5, 3)
    h1 = torch.sigmoid(x @ model.hidden1.weight.T + model.hidden1.bias)
    h2 = torch.relu(h1 @ model.hidden2.weight.T + model.hidden2.bias)
    torch.testing.assert_close(model(x), h2 @ model.out.weight.T + model.out.bias)


def test_calling_the_module_runs_hooks_and_forward_does_not():
    model = md.TinyNet()
    calls = []
    model.register_forward_hook(lambda module, args, output: calls.append(1))
    model(torch.zeros(1, 3))
    model.forward(torch.zeros(1, 3))
    assert calls == [1]


def test_state_dict_round_trip(tmp_path):
    torch.manual_seed(0)
    model = md.TinyNet()
    torch.save(model.state_dict(), tmp_path / "m.pt")
    restored = md.TinyNet()
    result = restored.load_state_dict(torch.load(tmp_path / "m.pt", weights_only=True))
    assert str(result) == "<All keys matched successfully>"
    x = torch.randn(4, 3)
    assert torch.equal(restored(x), model(x))
    assert list(model.state_dict()) == [
        "hidden1.weight",
        "hidden1.bias",
        "hidden2.weight",
        "hidden2.bias",
        "out.weight",
        "out.bias",
    ]


def test_sequential_parameter_names_are_indices():
    names = [n for n, _ in md.tiny_sequential().named_parameters()]
    assert names == ["0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"]


def test_cross_entropy_wants_logits():
    expected = -math.log(math.exp(2) / (math.exp(2) + math.exp(-1)))
    assert md.LOSS_FROM_LOGITS == pytest.approx(expected, rel=1e-6)
    assert round(md.LOSS_FROM_LOGITS, 4) == 0.0486
    assert round(md.LOSS_FROM_PROBABILITIES, 4) == 0.3397


def test_torchinfo_counts_the_same_parameters():
    from torchinfo import summary

    stats = summary(md.TinyNet(), input_size=(1, 3), verbose=0)
    assert stats.total_params == stats.trainable_params == 26
    assert stats.total_params == md.count_parameters(md.TinyNet())
