"""The shell sections that write configuration write what the pages say."""

import subprocess
from pathlib import Path

import yaml

from tests.pages import section_text

TUNA = "https://mirrors.tuna.tsinghua.edu.cn/anaconda"


def run_section(path: str, section: str, home: Path) -> str:
    script = "set -euo pipefail\n" + section_text(path, section)
    result = subprocess.run(
        ["bash", "-c", script],
        cwd=home,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def test_condarc_takes_only_conda_forge_from_the_mirror(tmp_path):
    run_section("snippets/setup/conda.sh", "condarc", tmp_path)
    config = yaml.safe_load((tmp_path / ".condarc").read_text())
    assert config["channels"] == ["conda-forge"]
    assert "default_channels" not in config
    assert config["custom_channels"] == {"conda-forge": f"{TUNA}/cloud"}
