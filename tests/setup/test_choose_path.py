import platform
import shutil

from snippets.setup.choose_path import Setup, recommend, this_machine


def test_decision_table_rows():
    rows = {
        ("Windows", "AMD64", True): Setup("conda", "CUDA"),
        ("Windows", "AMD64", False): Setup("conda", "CPU"),
        ("Linux", "x86_64", True): Setup("venv", "CUDA"),
        ("Linux", "x86_64", False): Setup("venv", "CPU"),
        ("Darwin", "arm64", False): Setup("venv", "MPS"),
        ("Darwin", "x86_64", False): Setup("venv", "CPU"),
    }
    for (system, machine, gpu), expected in rows.items():
        assert recommend(system, machine, gpu) == expected


def test_macs_never_get_cuda():
    assert recommend("Darwin", "arm64", has_nvidia_gpu=True).build == "MPS"


def test_this_machine_gets_the_row_of_its_own_kind():
    assert platform.system() == "Linux"
    build = "CUDA" if shutil.which("nvidia-smi") else "CPU"
    assert this_machine() == Setup("venv", build)
