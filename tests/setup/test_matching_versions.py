import pytest
import torch

from snippets.setup.matching_versions import MATCHING_RELEASES, torchvision_series


def test_rule_matches_the_checked_releases():
    for torch_version, torchvision_version, _ in MATCHING_RELEASES:
        assert torchvision_version.startswith(torchvision_series(torch_version) + ".")


def test_local_version_label_is_ignored():
    assert torchvision_series("2.9.1+cu128") == "0.24"
    assert torchvision_series(torch.__version__).startswith("0.")


def test_torchaudio_usually_shares_the_torch_version():
    same = [t for t, _, audio in MATCHING_RELEASES if audio == t]
    assert len(same) == len(MATCHING_RELEASES) - 1


def test_rule_refuses_pytorch_1():
    with pytest.raises(ValueError):
        torchvision_series("1.13.1")
