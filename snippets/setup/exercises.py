"""Answers to the setup chapter's exercises, computed from the chapter's functions and its data."""

from __future__ import annotations

from snippets.setup.gpu_stack import ARCH_LISTS, build_supports, driver_runs
from snippets.setup.matching_versions import torchvision_series
from snippets.setup.release_facts import (
    PYTHON_WHEELS,
    TESTED_TORCH,
    min_driver_branch,
    series_of,
    torchvision_for,
)
from snippets.setup.troubleshooting import adam_training_memory_gb

# Exercise 1: an R570 driver (nvidia-smi shows CUDA 12.8) and plain `pip install torch` on Linux.
DRIVER = "570.172.08"
PYPI_BUILD = "cu" + series_of(TESTED_TORCH).pypi_linux_cuda.replace(".", "")  # "cu130"
PYPI_BUILD_RUNS = driver_runs(DRIVER, PYPI_BUILD)
CU126_RUNS = driver_runs(DRIVER, "cu126")
PYPI_BUILD_DRIVER = min_driver_branch(PYPI_BUILD)
CU126_DRIVER = min_driver_branch("cu126")

# Exercise 2: a V100 (7, 0) and a T4 (7, 5) against the cu126 and cu130 builds.
CARDS = {"V100": (7, 0), "T4": (7, 5)}


def builds_for(capability: tuple[int, int]) -> list[str]:
    """The CUDA builds of PyTorch 2.12-2.14 that ship GPU code for this card."""
    return [build for build, archs in ARCH_LISTS.items() if build_supports(capability, archs)]


V100_BUILDS = builds_for(CARDS["V100"])
T4_BUILDS = builds_for(CARDS["T4"])


# Exercise 4: training memory before activations, 350 million float32 parameters.
PARAMETERS = 350_000_000


def sgd_training_memory_gb(parameters: int, bytes_per_value: int = 4) -> float:
    """Weights + gradients, in GB: plain SGD without momentum keeps no state."""
    return 2 * parameters * bytes_per_value / 1e9


ADAM_MEMORY_GB = adam_training_memory_gb(PARAMETERS)
SGD_MEMORY_GB = sgd_training_memory_gb(PARAMETERS)

# Exercise 5: torchvision for torch 2.11.0 and 2.12.1, by the rule and by the exact pins.
SERIES_FOR_2_11 = torchvision_series("2.11.0")
SERIES_FOR_2_12 = torchvision_series("2.12.1")
PIN_FOR_2_11 = torchvision_for("2.11.0")
PIN_FOR_2_12_1 = torchvision_for("2.12.1")


# Exercise 6: the Python versions that have wheels of both torch 2.13.0 and torch 2.15.0.
def common_pythons(*torch_versions: str) -> list[str]:
    sets = [set(PYTHON_WHEELS[version][1]) for version in torch_versions]
    return sorted(set.intersection(*sets), key=lambda v: tuple(int(p) for p in v.split(".")))


BOTH_PYTHONS = common_pythons("2.13.0", "2.15.0")
