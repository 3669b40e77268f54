import pytest
import torch

from snippets.setup.matching_versions import torchvision_series
from snippets.setup.release_facts import TORCHVISION_PINS


def test_rule_matches_every_pinned_pair():
    for torch_version, torchvision_version in TORCHVISION_PINS:
        assert torchvision_version.startswith(torchvision_series(torch_version) + ".")


def test_local_version_label_is_ignored():
    assert torchvision_series("2.13.0+cu130") == "0.28"
    assert torchvision_series(torch.__version__) == "0.28"


def test_rule_refuses_pytorch_1():
    with pytest.raises(ValueError):
        torchvision_series("1.13.1")
