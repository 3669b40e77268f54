# Commands for the page "venv and pip". Sections are included one by one.

# --8<-- [start:create]
python -m venv .venv
# --8<-- [end:create]

# --8<-- [start:create-windows]
py -0
py -3.12 -m venv .venv
# --8<-- [end:create-windows]

# --8<-- [start:debian-venv]
sudo apt install python3-venv
# --8<-- [end:debian-venv]

# --8<-- [start:activate]
source .venv/bin/activate
python -m pip --version
# --8<-- [end:activate]

# --8<-- [start:activate-windows]
.venv\Scripts\activate
# --8<-- [end:activate-windows]

# --8<-- [start:python-version]
python -c "import sys; print((3, 10) <= sys.version_info[:2] <= (3, 14))"
# --8<-- [end:python-version]

# --8<-- [start:in-venv]
python -c "import sys; print(sys.prefix != sys.base_prefix)"
# --8<-- [end:in-venv]

# --8<-- [start:isolated]
python -c "import importlib.util; print(importlib.util.find_spec('torch'))"
# --8<-- [end:isolated]

# --8<-- [start:install-torch]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
# --8<-- [end:install-torch]

# --8<-- [start:uv-pip]
uv venv
source .venv/bin/activate
uv pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
# --8<-- [end:uv-pip]

# --8<-- [start:uv-project]
cat > pyproject.toml <<'TOML'
[project]
name = "dl-demo"
version = "0.1.0"
requires-python = ">=3.10"
dependencies = ["torch==2.13.0", "torchvision==0.28.0"]

[[tool.uv.index]]
name = "pytorch-cpu"
url = "https://download.pytorch.org/whl/cpu"
explicit = true

[tool.uv.sources]
torch = { index = "pytorch-cpu" }
torchvision = { index = "pytorch-cpu" }
TOML
# --8<-- [end:uv-project]

# --8<-- [start:uv-sync]
uv sync
uv run python -c "import torch; print(torch.__version__)"
# --8<-- [end:uv-sync]

# --8<-- [start:freeze]
python -m pip freeze > requirements.txt
python -m pip install -r requirements.txt
# --8<-- [end:freeze]

# --8<-- [start:deactivate]
deactivate
rm -rf .venv
# --8<-- [end:deactivate]
