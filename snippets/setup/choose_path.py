"""Which environment and which PyTorch build the setup guide recommends for a machine."""

from __future__ import annotations

# --8<-- [start:recommend]
import platform
import shutil
from typing import NamedTuple


class Setup(NamedTuple):
    environment: str  # "conda" or "venv"
    build: str  # "CUDA", "MPS" or "CPU"


def recommend(system: str, machine: str, has_nvidia_gpu: bool) -> Setup:
    """The guide's choice for a platform.system() / platform.machine() pair."""
    if system == "Darwin":
        return Setup("venv", "MPS" if machine == "arm64" else "CPU")
    environment = "conda" if system == "Windows" else "venv"
    return Setup(environment, "CUDA" if has_nvidia_gpu else "CPU")


def this_machine() -> Setup:
    has_nvidia_gpu = shutil.which("nvidia-smi") is not None
    return recommend(platform.system(), platform.machine(), has_nvidia_gpu)


# --8<-- [end:recommend]

if __name__ == "__main__":
    # --8<-- [start:examples]
    print(recommend("Windows", "AMD64", has_nvidia_gpu=True))
    print(recommend("Darwin", "arm64", has_nvidia_gpu=False))
    # --8<-- [end:examples]

    # --8<-- [start:mine]
    print(platform.system(), platform.machine())
    print(this_machine())
    # --8<-- [end:mine]
