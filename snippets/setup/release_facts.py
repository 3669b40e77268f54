"""Release facts the install guides rely on, each with where and when it was checked.

The pages state these facts in their tables, commands and prose, and
tests/setup/test_release_facts.py checks them against this module. PyTorch's own wheel index
cannot be reached from the test machines, so the CUDA variants come from PyTorch's release
documents (cited per fact); everything PyPI can tell (which torchvision pins which torch, the
CUDA major of PyPI's default Linux build, Python versions, platforms) was read from pip's
`--dry-run --report` metadata.
"""

from __future__ import annotations

from typing import NamedTuple

CHECKED = "2026-12-01"
TESTED_TORCH = "2.13.0"  # the version this site runs and tests (requirements.txt)
INDEX = "https://download.pytorch.org/whl"

PIP_REPORT = (
    "pip install --dry-run --ignore-installed --no-deps --only-binary=:all: --report "
    "(PyPI metadata: Requires-Dist, Requires-Python, wheel tags)"
)
RELEASE_MATRIX = (
    "pytorch/pytorch RELEASE.md, Release Compatibility Matrix and CUDA Support Matrix "
    "(PRs #187075 for 2.13, #194367 for 2.14; RFC #178665 for 2.12)"
)
RFC_2_15 = "pytorch/pytorch issue #190385, RFC: CUDA support matrix for Release 2.15 (a plan)"
NVIDIA_MINOR = "docs.nvidia.com/deploy/cuda-compatibility/minor-version-compatibility.html"
APPLE_METAL = "developer.apple.com/metal/pytorch (requirements for PyTorch 2.11)"
ANACONDA_TOS = "anaconda.com/pricing/terms-of-service-faqs"
UV_DOCS = "docs.astral.sh/uv/pip/compatibility and docs.astral.sh/uv/guides/integration/pytorch"


class Series(NamedTuple):
    """One PyTorch minor series: which CUDA builds exist and what PyPI ships."""

    series: str
    cuda_variants: tuple[str, ...]  # subfolders of download.pytorch.org/whl
    pypi_linux_cuda: str  # CUDA of PyPI's default x86-64 Linux wheel
    confirmed: bool  # False: announced as a plan, not seen in a release document
    source: str


SERIES = [
    Series("2.15", ("cu130", "cu132"), "13.2", False, f"{RFC_2_15}; PyPI column: {PIP_REPORT}"),
    Series("2.14", ("cu126", "cu130", "cu132"), "13.0", True, RELEASE_MATRIX),
    Series("2.13", ("cu126", "cu130", "cu132"), "13.0", True, RELEASE_MATRIX),
    Series("2.12", ("cu126", "cu130", "cu132"), "13.0", True, RELEASE_MATRIX),
    Series("2.11", ("cu126", "cu128", "cu130"), "13.0", True, RELEASE_MATRIX),
    Series("2.10", ("cu126", "cu128", "cu130"), "12.8", True, RELEASE_MATRIX),
]

# ROCm folder of each series (RELEASE_MATRIX, "Stable ROCm"); Linux only.
ROCM_FOLDERS = {"2.13": "rocm7.2", "2.12": "rocm7.2", "2.11": "rocm7.2"}

# torchvision wheels on PyPI declare `Requires-Dist: torch==X`; these pairs were read from them.
TORCHVISION_PINS = [
    ("2.14.0", "0.29.0"),
    ("2.13.0", "0.28.0"),
    ("2.12.1", "0.27.1"),
    ("2.12.0", "0.27.0"),
    ("2.11.0", "0.26.0"),
    ("2.10.0", "0.25.0"),
    ("2.9.1", "0.24.1"),
    ("2.5.1", "0.20.1"),
    ("2.0.1", "0.15.2"),
]
# Newer torchvision releases stop pinning one torch: they declare a lower bound only.
TORCHVISION_LOWER_BOUNDS = {"0.29.1": "torch>=2.14.0", "0.29.2": "torch>=2.14.0"}
NEWEST_TORCHVISION = "0.29.2"
# torchaudio is in maintenance mode: 2.10.0 pins torch==2.10.0, 2.11.0 declares no torch
# requirement, 2.11.1 declares torch>=2.11, and nothing newer is on PyPI.
NEWEST_TORCHAUDIO = "2.11.1"
NEWEST_TORCH = "2.15.0"

# Python versions with a wheel on PyPI (x86-64 Linux), and Requires-Python.
PYTHON_WHEELS = {
    "2.13.0": (">=3.10", ("3.10", "3.11", "3.12", "3.13", "3.14")),
    "2.15.0": (">=3.11", ("3.11", "3.12", "3.13", "3.14", "3.15")),
}
# Platforms PyPI has torch 2.13.0 wheels for, and the ones it has none for.
PLATFORMS_WITH_WHEELS = ("manylinux_2_28_x86_64", "manylinux_2_28_aarch64", "win_amd64")
PLATFORMS_WITHOUT_WHEELS = ("win32", "win_arm64", "macosx_x86_64")
MAC_ARM_WHEEL_MIN_MACOS = 14.0  # torch >= 2.12 wheels are tagged macosx_14_0_arm64
MAC_ARM_FIRST_MACOS_14_ONLY = "2.12.0"  # 2.11.0 was still tagged macosx_11_0_arm64
MPS_MIN_MACOS = 14.0  # RELEASE.md: "MPS support is enabled on macOS 14 (Sonoma) or later"
MPS_ORIGINAL_MIN_MACOS = 12.3  # what Apple's page asked for when MPS arrived (PyTorch 1.12)
LAST_INTEL_MAC_TORCH = "2.2.2"  # newest torch with a macosx x86_64 wheel on PyPI

# Driver branch a CUDA major needs, through minor-version compatibility (NVIDIA_MINOR).
MIN_DRIVER_BRANCH = {12: 525, 13: 580}

# Compute capabilities with GPU code in the Linux x86-64 / Windows builds (RELEASE.md, CUDA
# Support Matrix for 2.12-2.14). "12.0" also ships PTX on Linux.
ARCHITECTURES = {
    "12.6": ("5.0", "6.0", "7.0", "7.5", "8.0", "8.6", "9.0"),
    "13.0": ("7.5", "8.0", "8.6", "9.0", "10.0", "12.0"),
    "13.2": ("7.5", "8.0", "8.6", "9.0", "10.0", "12.0"),
}

ANACONDA_FREE_BELOW_EMPLOYEES = 200  # paid license for organizations of 200 or more (ANACONDA_TOS)


# Where each fact above was checked (all on CHECKED), and the sources of claims made in prose.
SOURCES = {
    "SERIES": f"{RELEASE_MATRIX}; 2.15: {RFC_2_15}; PyPI column: {PIP_REPORT}",
    "ROCM_FOLDERS": RELEASE_MATRIX,
    "TORCHVISION_PINS": PIP_REPORT,
    "TORCHVISION_LOWER_BOUNDS": PIP_REPORT,
    "NEWEST_TORCHVISION": f"pip index versions torchvision; {PIP_REPORT}",
    "NEWEST_TORCHAUDIO": f"pip index versions torchaudio; {PIP_REPORT}",
    "NEWEST_TORCH": "pip index versions torch",
    "PYTHON_WHEELS": PIP_REPORT,
    "PLATFORMS_WITH_WHEELS": PIP_REPORT,
    "PLATFORMS_WITHOUT_WHEELS": PIP_REPORT,
    "MAC_ARM_WHEEL_MIN_MACOS": PIP_REPORT,
    "MAC_ARM_FIRST_MACOS_14_ONLY": PIP_REPORT,
    "MPS_MIN_MACOS": f"RELEASE.md, Operating Systems table; {APPLE_METAL}",
    "MPS_ORIGINAL_MIN_MACOS": "developer.apple.com/metal/pytorch, earlier version (PyTorch 1.12)",
    "LAST_INTEL_MAC_TORCH": "pip index versions torch --platform macosx_14_0_x86_64",
    "MIN_DRIVER_BRANCH": NVIDIA_MINOR,
    "ARCHITECTURES": RELEASE_MATRIX,
    "ANACONDA_FREE_BELOW_EMPLOYEES": ANACONDA_TOS,
    "uv ignores pip.conf and PIP_* variables": UV_DOCS,
    "PEP 668 marker file EXTERNALLY-MANAGED": "peps.python.org/pep-0668",
    "KMP_DUPLICATE_LIB_OK is unsafe": "text of the OMP Error #15 message itself",
    "driver-too-old warning text": "torch.cuda warning, quoted in public issue threads",
}


def series_of(torch_version: str) -> Series:
    """The Series row for a version such as "2.13.0" or "2.13.0+cu130"."""
    key = ".".join(torch_version.split("+")[0].split(".")[:2])
    for row in SERIES:
        if row.series == key:
            return row
    raise KeyError(f"no release facts for torch {torch_version}")


def variant_cuda(variant: str) -> str:
    """Variant folder to CUDA version: cu130 -> 13.0, cu126 -> 12.6."""
    digits = variant.removeprefix("cu")
    return f"{digits[:-1]}.{digits[-1]}"


def min_driver_branch(variant: str) -> int:
    """The oldest driver branch (e.g. 580) that runs a cuXYZ build."""
    return MIN_DRIVER_BRANCH[int(variant_cuda(variant).split(".")[0])]


def torchvision_for(torch_version: str) -> str | None:
    """The torchvision release that pins exactly this torch, if PyPI has one."""
    return dict(TORCHVISION_PINS).get(torch_version.split("+")[0])


def index_url(variant: str) -> str:
    return f"{INDEX}/{variant}"


def pin_command(torch_version: str, variant: str) -> str:
    """One pip line installing a matched torch/torchvision pair from one index."""
    vision = torchvision_for(torch_version)
    if variant not in (*series_of(torch_version).cuda_variants, "cpu"):
        raise ValueError(f"torch {torch_version} has no {variant} build")
    return (
        f"python -m pip install torch=={torch_version} torchvision=={vision} "
        f"--index-url {index_url(variant)}"
    )


PYPI_CUDA_TESTED = series_of(TESTED_TORCH).pypi_linux_cuda
PYPI_CUDA_NEWEST = series_of(NEWEST_TORCH).pypi_linux_cuda
CUDA13_DRIVER = MIN_DRIVER_BRANCH[13]
CUDA12_DRIVER = MIN_DRIVER_BRANCH[12]
