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


# --8<-- [start:driver]
MIN_DRIVER_BRANCH = {12: 525, 13: 580}  # CUDA major -> oldest driver branch (checked 2026-12-01)


def driver_runs(driver_version: str, cuda_build: str) -> bool:
    """True if a driver such as "575.57.08" can run a build such as "cu130".

    Within one CUDA major version, any driver of at least the branch above runs builds of
    every minor version (NVIDIA's minor version compatibility).
    """
    branch = int(driver_version.split(".")[0])
    cuda_major = int(cuda_build.removeprefix("cu")[:-1])  # "cu130" -> 13
    return branch >= MIN_DRIVER_BRANCH[cuda_major]


# --8<-- [end:driver]

# --8<-- [start:arch-lists]
# GPU code in the Linux x86-64 / Windows builds of PyTorch 2.12-2.14 (checked 2026-12-01).
ARCH_LISTS = {
    "cu126": ["sm_50", "sm_60", "sm_70", "sm_75", "sm_80", "sm_86", "sm_90"],
    "cu130": ["sm_75", "sm_80", "sm_86", "sm_90", "sm_100", "sm_120"],
}
# --8<-- [end:arch-lists]

if __name__ == "__main__":
    # --8<-- [start:examples]
    arch_list = ["sm_75", "sm_80", "sm_90"]  # a made-up build
    print(arch_name((8, 6)))
    print(build_supports((8, 6), arch_list))  # (1)!
    print(build_supports((12, 0), arch_list))  # (2)!
    # --8<-- [end:examples]

    # --8<-- [start:driver-examples]
    print(driver_runs("575.57.08", "cu126"))
    print(driver_runs("575.57.08", "cu130"))  # (1)!
    print(driver_runs("580.95.05", "cu132"))  # (2)!
    # --8<-- [end:driver-examples]

    # --8<-- [start:old-cards]
    gtx_1080 = (6, 1)
    print(build_supports(gtx_1080, ARCH_LISTS["cu126"]))
    print(build_supports(gtx_1080, ARCH_LISTS["cu130"]))
    # --8<-- [end:old-cards]

    # --8<-- [start:this-gpu]
    import torch

    if torch.cuda.is_available():
        capability = torch.cuda.get_device_capability(0)
        print(torch.cuda.get_device_name(0), arch_name(capability))
        print(build_supports(capability, torch.cuda.get_arch_list()))
    else:
        print("No CUDA GPU visible; this build has code for:", torch.cuda.get_arch_list())
    # --8<-- [end:this-gpu]
