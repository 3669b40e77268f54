import pytest
import torch
from packaging.specifiers import SpecifierSet
from packaging.version import Version
from torch import nn

from snippets.setup import exercises as ex
from snippets.setup import release_facts as facts


def test_plain_pypi_build_needs_a_newer_driver_than_r570():
    assert facts.series_of("2.13.0").pypi_linux_cuda == "13.0"
    assert ex.PYPI_BUILD == "cu130"
    branch = int(ex.DRIVER.split(".")[0])
    assert branch < facts.MIN_DRIVER_BRANCH[13] == ex.PYPI_BUILD_DRIVER == 580
    assert branch >= facts.MIN_DRIVER_BRANCH[12] == ex.CU126_DRIVER == 525
    assert ex.PYPI_BUILD_RUNS is False
    assert ex.CU126_RUNS is True
    assert "cu126" in facts.series_of("2.13.0").cuda_variants


def test_old_and_turing_cards_against_the_release_architectures():
    # The release documents' capabilities, independently of the sm_ lists in gpu_stack.
    assert "7.0" in facts.ARCHITECTURES["12.6"]
    assert "7.0" not in facts.ARCHITECTURES["13.0"]
    assert "7.5" in facts.ARCHITECTURES["12.6"]
    assert "7.5" in facts.ARCHITECTURES["13.0"]
    assert ex.V100_BUILDS == ["cu126"]
    assert ex.T4_BUILDS == ["cu126", "cu130"]


def test_local_version_label_satisfies_an_exact_pin():
    installed = Version("2.13.0+cu130")
    assert (installed.public, installed.local) == ("2.13.0", "cu130")
    assert installed in SpecifierSet("==2.13.0")
    assert installed not in SpecifierSet("==2.12.0")
    assert installed != Version("2.13.0")


def test_memory_answers_match_what_the_optimizers_allocate():
    assert ex.ADAM_MEMORY_GB == pytest.approx(5.6)
    assert ex.SGD_MEMORY_GB == pytest.approx(2.8)
    model = nn.Linear(30, 20)
    params = list(model.parameters())
    n_params = sum(p.numel() for p in params)
    for optimizer, expected in (
        (torch.optim.Adam(params), ex.ADAM_MEMORY_GB),
        (torch.optim.SGD(params, lr=0.1), ex.SGD_MEMORY_GB),
    ):
        model.zero_grad()
        model(torch.randn(4, 30)).sum().backward()
        optimizer.step()
        state = sum(
            value.nbytes
            for p in params
            for value in optimizer.state[p].values()
            if isinstance(value, torch.Tensor) and value.dim() > 0
        )
        allocated = sum(p.nbytes + p.grad.nbytes for p in params) + state
        assert allocated / n_params * ex.PARAMETERS / 1e9 == pytest.approx(expected)


def test_torchvision_answers_follow_the_rule_and_the_pins():
    assert (ex.SERIES_FOR_2_11, ex.PIN_FOR_2_11) == ("0.26", "0.26.0")
    assert (ex.SERIES_FOR_2_12, ex.PIN_FOR_2_12_1) == ("0.27", "0.27.1")
    for torch_version, vision in facts.TORCHVISION_PINS:
        minor = int(torch_version.split(".")[1])
        assert vision.startswith(f"0.{minor + 15}.")


def test_pythons_with_wheels_of_both_releases():
    assert facts.PYTHON_WHEELS["2.13.0"][0] == ">=3.10"
    assert facts.PYTHON_WHEELS["2.15.0"][0] == ">=3.11"
    assert ex.BOTH_PYTHONS == ["3.11", "3.12", "3.13", "3.14"]
    assert "3.15" not in facts.PYTHON_WHEELS["2.13.0"][1]
    assert "3.10" not in facts.PYTHON_WHEELS["2.15.0"][1]
