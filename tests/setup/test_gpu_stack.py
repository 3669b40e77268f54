import pytest
import torch

from snippets.setup.gpu_stack import arch_name, build_supports

BUILD = ["sm_75", "sm_80", "sm_86", "sm_90", "compute_90"]


def test_arch_names():
    assert arch_name((8, 6)) == "sm_86"
    assert arch_name((12, 0)) == "sm_120"


def test_exact_match_is_supported():
    assert build_supports((7, 5), BUILD)
    assert build_supports((9, 0), BUILD)


def test_newer_minor_of_the_same_major_is_supported():
    assert build_supports((8, 9), ["sm_80"])


def test_other_major_or_older_minor_is_not():
    assert not build_supports((12, 0), BUILD)
    assert not build_supports((6, 1), BUILD)
    assert not build_supports((8, 0), ["sm_86"])


def test_three_digit_and_suffixed_architectures():
    assert build_supports((12, 0), ["sm_100", "sm_120"])
    assert not build_supports((10, 0), ["sm_120"])
    assert build_supports((9, 0), ["sm_90a"])


def test_ptx_entries_are_not_counted_as_gpu_code():
    assert not build_supports((9, 0), ["compute_90"])


@pytest.mark.skipif(torch.version.cuda is not None, reason="a CUDA build of torch is installed")
def test_cpu_build_supports_no_gpu():
    assert torch.cuda.get_arch_list() == []
    assert not build_supports((8, 6), torch.cuda.get_arch_list())


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no CUDA GPU on this machine")
def test_cuda_build_supports_the_gpu_it_runs_on():
    capability = torch.cuda.get_device_capability(0)
    assert build_supports(capability, torch.cuda.get_arch_list())
