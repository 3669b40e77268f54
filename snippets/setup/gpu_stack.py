"""Compute capability: the name of a GPU's architecture and whether a build has code for it."""

from __future__ import annotations


# --8<-- [start:capability]
def arch_name(capability: tuple[int, int]) -> str:
    """(8, 6) -> "sm_86", the name PyTorch's arch list uses."""
    major, minor = capability
    return f"sm_{major}{minor}"


def build_supports(capability: tuple[int, int], arch_list: list[str]) -> bool:
    """True if the build ships GPU code this device can run.

    Code compiled for sm_XY runs on devices of capability X.Z with Z >= Y: same major version,
    same or newer minor version.
    """
    major, minor = capability
    for arch in arch_list:
        if not arch.startswith("sm_"):
            continue
        code = int(arch.removeprefix("sm_").rstrip("af"))  # "sm_90a" -> 90
        if code // 10 == major and code % 10 <= minor:
            return True
    return False


# --8<-- [end:capability]

if __name__ == "__main__":
    # --8<-- [start:examples]
    arch_list = ["sm_75", "sm_80", "sm_90"]  # a made-up build
    print(arch_name((8, 6)))
    print(build_supports((8, 6), arch_list))  # (1)!
    print(build_supports((12, 0), arch_list))  # (2)!
    # --8<-- [end:examples]

    # --8<-- [start:this-gpu]
    import torch

    if torch.cuda.is_available():
        capability = torch.cuda.get_device_capability(0)
        print(torch.cuda.get_device_name(0), arch_name(capability))
        print(build_supports(capability, torch.cuda.get_arch_list()))
    else:
        print("No CUDA GPU visible; this build has code for:", torch.cuda.get_arch_list())
    # --8<-- [end:this-gpu]
