"""Install pages, their commands and this machine agree with snippets/setup/release_facts."""

import re
import subprocess
import tomllib
from pathlib import Path

import torch

from snippets.setup import gpu_stack
from snippets.setup import release_facts as facts
from snippets.setup.matching_versions import torchvision_series
from tests.pages import markdown_pages, section_text

ROOT = Path(__file__).resolve().parents[2]
SHELL_SNIPPETS = sorted((ROOT / "snippets" / "setup").glob("*.sh"))
INDEX_FOLDER = re.compile(r"https://download\.pytorch\.org/whl/(?P<folder>[\w.]+)")
PINNED = re.compile(r"torch==(?P<torch>[\d.]+) torchvision==(?P<vision>[\d.]+)")
SETUP_PAGES = [p for p in markdown_pages() if p.rel.split("/")[2] == "setup"]


def page(lang: str, name: str):
    return next(p for p in SETUP_PAGES if p.lang == lang and p.rel.endswith(f"/{name}.md"))


def table_rows(text: str, first_cell: re.Pattern) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("|") and first_cell.fullmatch(cells[0]):
            rows.append(cells)
    return rows


def test_the_installed_torch_is_the_tested_version():
    assert torch.__version__.split("+")[0] == facts.TESTED_TORCH
    pins = (ROOT / "requirements.txt").read_text().splitlines()
    assert f"torch=={facts.TESTED_TORCH}" in pins


def test_torchvision_rule_holds_for_every_pinned_pair():
    for torch_version, vision in facts.TORCHVISION_PINS:
        assert vision.startswith(torchvision_series(torch_version) + ".")
    for vision, requirement in facts.TORCHVISION_LOWER_BOUNDS.items():
        assert vision.startswith(torchvision_series(requirement.removeprefix("torch>=")) + ".")
    assert facts.torchvision_for(facts.NEWEST_TORCH) is None


def test_every_series_has_pypi_cuda_and_variants_of_its_time():
    for row in facts.SERIES:
        assert row.cuda_variants == tuple(sorted(row.cuda_variants))
        assert all(re.fullmatch(r"cu1[23]\d", v) for v in row.cuda_variants)
        assert row.source
    assert [r.series for r in facts.SERIES if not r.confirmed] == ["2.15"]
    assert "cu128" not in facts.series_of(facts.TESTED_TORCH).cuda_variants


def test_driver_branches():
    assert facts.min_driver_branch("cu126") == 525
    assert facts.min_driver_branch("cu130") == facts.min_driver_branch("cu132") == 580
    assert gpu_stack.MIN_DRIVER_BRANCH == facts.MIN_DRIVER_BRANCH


def test_driver_runs_follows_the_major_version():
    assert gpu_stack.driver_runs("525.60.13", "cu126")
    assert not gpu_stack.driver_runs("520.61.05", "cu126")
    assert not gpu_stack.driver_runs("575.57.08", "cu132")
    assert gpu_stack.driver_runs("580.65.06", "cu132")


def test_page_arch_lists_match_the_release_matrix():
    for variant, archs in gpu_stack.ARCH_LISTS.items():
        capabilities = facts.ARCHITECTURES[facts.variant_cuda(variant)]
        assert archs == ["sm_" + c.replace(".", "") for c in capabilities]


def test_index_folders_in_commands_exist_for_the_tested_release():
    series = facts.series_of(facts.TESTED_TORCH)
    allowed = {"cpu", "xpu", facts.ROCM_FOLDERS[series.series], *series.cuda_variants}
    found = set()
    for path in SHELL_SNIPPETS:
        for match in INDEX_FOLDER.finditer(path.read_text()):
            found.add(match.group("folder"))
    assert found and found <= allowed, found - allowed


def test_pinned_commands_name_matched_versions_and_an_existing_build():
    pinned = 0
    for path in SHELL_SNIPPETS:
        for line in path.read_text().splitlines():
            match = PINNED.search(line)
            if not match:
                continue
            pinned += 1
            assert match["torch"] == facts.TESTED_TORCH, line
            folder = INDEX_FOLDER.search(line)["folder"]
            assert line == facts.pin_command(match["torch"], folder), line
    assert pinned >= 2


def test_a_lone_torchvision_pin_matches_the_tested_torch():
    text = (ROOT / "snippets" / "setup" / "troubleshooting.sh").read_text()
    (vision,) = re.findall(r"install torchvision==([\d.]+)", text)
    assert vision == facts.torchvision_for(facts.TESTED_TORCH)


def test_commands_that_use_the_pytorch_index_are_skipped_with_the_date_checked():
    """Writing a file that names the index is fine; installing from it is never run."""
    for p in SETUP_PAGES:
        for fence in p.fences():
            if not fence.is_include:
                continue
            code = "\n".join(section_text(path, sec) for path, sec in fence.includes())
            installs = re.search(r"\b(pip|conda) install\b|\buv sync\b", code)
            if "download.pytorch.org" in code and installs:
                assert fence.skip_reason and facts.CHECKED in fence.skip_reason, (
                    f"{p.rel}:{fence.lineno}"
                )


def test_cuda_table_on_the_pages_matches_the_facts():
    for lang in ("zh", "en"):
        rows = table_rows(page(lang, "pytorch").text, re.compile(r"`2\.1\d`"))
        assert [r[0].strip("`") for r in rows] == [s.series for s in facts.SERIES]
        for cells, row in zip(rows, facts.SERIES, strict=True):
            assert re.findall(r"`(cu\d+)`", cells[1]) == list(row.cuda_variants)
            assert cells[2].startswith(f"CUDA {row.pypi_linux_cuda}")


def test_torchvision_table_on_the_pages_matches_the_facts():
    for lang in ("zh", "en"):
        rows = table_rows(page(lang, "pytorch").text, re.compile(r"`2\.1\d\.\d`"))
        pairs = [(a.strip("`"), b.strip("`")) for a, b in (r[:2] for r in rows)]
        vision_rows = [pair for pair in pairs if pair[1].startswith("0.")]
        assert vision_rows == facts.TORCHVISION_PINS[:6]


def test_python_table_on_the_pages_matches_the_facts():
    for lang in ("zh", "en"):
        rows = table_rows(page(lang, "pytorch").text, re.compile(r"`2\.1\d\.\d`"))
        python_rows = {r[0].strip("`"): r for r in rows if r[1].startswith("`>=")}
        assert python_rows.keys() == facts.PYTHON_WHEELS.keys()
        for version, (requires, wheels) in facts.PYTHON_WHEELS.items():
            cells = python_rows[version]
            assert cells[1] == f"`{requires}`"
            assert re.findall(r"`(3\.\d+)`", cells[2]) == [wheels[0], wheels[-1]]


def test_uv_project_pins_the_tested_versions_from_the_cpu_folder(tmp_path):
    script = section_text("snippets/setup/venv.sh", "uv-project")
    subprocess.run(["bash", "-c", script], cwd=tmp_path, check=True)
    config = tomllib.loads((tmp_path / "pyproject.toml").read_text())
    assert config["project"]["dependencies"] == [
        f"torch=={facts.TESTED_TORCH}",
        f"torchvision=={facts.torchvision_for(facts.TESTED_TORCH)}",
    ]
    (index,) = config["tool"]["uv"]["index"]
    assert index["url"] == facts.index_url("cpu") and index["explicit"] is True
    sources = config["tool"]["uv"]["sources"]
    assert sources == {name: {"index": index["name"]} for name in ("torch", "torchvision")}
    minimum = config["project"]["requires-python"].removeprefix(">=")
    assert minimum == facts.PYTHON_WHEELS[facts.TESTED_TORCH][1][0]


def test_every_fact_names_its_source():
    data = {
        name
        for name, value in vars(facts).items()
        if name.isupper()
        and isinstance(value, dict | list | tuple | float | int)
        and name not in {"SOURCES"}
    }
    derived = {"PYPI_CUDA_TESTED", "PYPI_CUDA_NEWEST", "CUDA13_DRIVER", "CUDA12_DRIVER"}
    assert data - derived <= facts.SOURCES.keys(), data - derived - facts.SOURCES.keys()
    assert all(facts.SOURCES.values())


def test_versions_named_in_prose_are_the_checked_ones():
    pytorch = {lang: page(lang, "pytorch").text for lang in ("zh", "en")}
    trouble = {lang: page(lang, "troubleshooting").text for lang in ("zh", "en")}
    wheel_tag = f"macosx_{int(facts.MAC_ARM_WHEEL_MIN_MACOS)}_0_arm64"
    first = "PyTorch " + ".".join(facts.MAC_ARM_FIRST_MACOS_14_ONLY.split(".")[:2])
    for lang in ("zh", "en"):
        text = pytorch[lang]
        assert wheel_tag in text and first in text
        assert f"`{facts.NEWEST_TORCHVISION}`" in text and f"`{facts.NEWEST_TORCHAUDIO}`" in text
        for other in (text, trouble[lang], page(lang, "index").text):
            assert set(re.findall(r"\b2\.2\.\d\b", other)) <= {facts.LAST_INTEL_MAC_TORCH}
        assert facts.LAST_INTEL_MAC_TORCH in trouble[lang]


def test_platforms_without_wheels_are_the_ones_the_pages_call_unsupported():
    assert not set(facts.PLATFORMS_WITH_WHEELS) & set(facts.PLATFORMS_WITHOUT_WHEELS)
    assert {"win32", "win_arm64", "macosx_x86_64"} == set(facts.PLATFORMS_WITHOUT_WHEELS)
    assert "32-bit Windows" in page("en", "troubleshooting").text
    assert "Windows on ARM" in page("en", "troubleshooting").text
    assert "32 位的 Windows" in page("zh", "troubleshooting").text
    assert "ARM 的 Windows" in page("zh", "troubleshooting").text


def test_python_version_check_uses_the_window_of_the_tested_torch():
    check = section_text("snippets/setup/venv.sh", "python-version")
    low, *_, high = facts.PYTHON_WHEELS[facts.TESTED_TORCH][1]
    window = [tuple(int(x) for x in v.split(".")) for v in (low, high)]
    assert f"{window[0]} <= sys.version_info[:2] <= {window[1]}" in check
