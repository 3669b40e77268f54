import torch

from snippets.setup import verify_install as vi


def test_choose_device_prefers_an_accelerator():
    expected = (
        "cuda"
        if torch.cuda.is_available()
        else "mps"
        if torch.backends.mps.is_available()
        else "cpu"
    )
    assert vi.choose_device() == expected


def test_installed_version_reads_package_metadata():
    assert vi.installed_version("torch") == torch.__version__
    assert vi.installed_version("no-such-package-dlkb") == "not installed"


def test_cpu_device_has_a_name():
    assert vi.device_name("cpu")


def test_matmul_on_cpu_matches_float64():
    error = vi.matmul_error("cpu")
    assert 0 < error < 1e-3


def test_matmul_error_catches_a_wrong_product():
    generator = torch.Generator().manual_seed(0)
    a = torch.randn(256, 256, generator=generator)
    b = torch.randn(256, 256, generator=generator)
    wrong = (a @ b.T).double()
    assert (wrong - a.double() @ b.double()).abs().max().item() > 1e-3


def test_report_prints_every_line(capsys):
    vi.report()
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 9
    assert lines[1].split() == ["torch", torch.__version__]
    assert f"CUDA build   {torch.version.cuda}" in out
    assert f"device       {vi.choose_device()}" in out
    assert out.rstrip().endswith("OK")
