"""Check a PyTorch installation: versions, accelerator, and one computation on the device."""

from __future__ import annotations

# --8<-- [start:verify]
import platform
from importlib.metadata import PackageNotFoundError, version

import torch


def installed_version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def choose_device() -> str:
    if torch.cuda.is_available():
        return "cuda"
    if torch.backends.mps.is_available():
        return "mps"
    return "cpu"


def device_name(device: str) -> str:
    if device == "cuda":
        return torch.cuda.get_device_name(0)
    if device == "mps":
        return "Apple GPU (Metal)"
    return platform.processor() or platform.machine()


def matmul_error(device: str, n: int = 256) -> float:
    """Largest gap between a float32 matrix product on `device` and a float64 one on the CPU."""
    generator = torch.Generator().manual_seed(0)
    a = torch.randn(n, n, generator=generator)
    b = torch.randn(n, n, generator=generator)
    on_device = (a.to(device) @ b.to(device)).cpu().double()
    return (on_device - a.double() @ b.double()).abs().max().item()


def report() -> None:
    device = choose_device()
    print(f"Python       {platform.python_version()}")
    for package in ("torch", "torchvision", "torchaudio"):
        print(f"{package:<12} {installed_version(package)}")
    print(f"CUDA build   {torch.version.cuda}")  # (1)!
    print(f"CUDA ready   {torch.cuda.is_available()}")
    print(f"MPS ready    {torch.backends.mps.is_available()}")
    print(f"device       {device} ({device_name(device)})")
    error = matmul_error(device)
    print(f"matmul       max error {error:.1e}, {'OK' if error < 1e-3 else 'WRONG'}")  # (2)!


# --8<-- [end:verify]

if __name__ == "__main__":
    # --8<-- [start:run]
    report()
    # --8<-- [end:run]
