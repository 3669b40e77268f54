# Commands for the page "conda (Miniforge) and mirrors". Sections are included one by one.

# --8<-- [start:pointer-size]
python -c "import struct; print(struct.calcsize('P') * 8)"
# --8<-- [end:pointer-size]

# --8<-- [start:install-unix]
curl -L -O "https://github.com/conda-forge/miniforge/releases/latest/download/Miniforge3-$(uname)-$(uname -m).sh"
bash "Miniforge3-$(uname)-$(uname -m).sh" -b -p "$HOME/miniforge3"
"$HOME/miniforge3/bin/conda" init "$(basename "$SHELL")"
# --8<-- [end:install-unix]

# --8<-- [start:condarc]
cat > ~/.condarc <<'YAML'
channels:
  - conda-forge
show_channel_urls: true
custom_channels:
  conda-forge: https://mirrors.tuna.tsinghua.edu.cn/anaconda/cloud
YAML
# --8<-- [end:condarc]

# --8<-- [start:condarc-check]
conda clean -i -y
conda config --show channels custom_channels
# --8<-- [end:condarc-check]

# --8<-- [start:create-env]
conda create -n dl python=3.12 -y
conda activate dl
python -c "import sys; print(sys.executable)"
# --8<-- [end:create-env]

# --8<-- [start:manage-envs]
conda env list
conda deactivate
conda remove -n dl --all -y
# --8<-- [end:manage-envs]

# --8<-- [start:conda-then-pip]
conda activate dl
conda install numpy pandas matplotlib -y
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cu130
conda list torch
# --8<-- [end:conda-then-pip]

# --8<-- [start:pip-mirror-once]
python -m pip install -i https://pypi.tuna.tsinghua.edu.cn/simple numpy
# --8<-- [end:pip-mirror-once]

# --8<-- [start:pip-mirror-set]
python -m pip config set global.index-url https://pypi.tuna.tsinghua.edu.cn/simple
# --8<-- [end:pip-mirror-set]

# --8<-- [start:pip-mirror-get]
python -m pip config get global.index-url
# --8<-- [end:pip-mirror-get]

# --8<-- [start:pip-config-list]
python -m pip config list
# --8<-- [end:pip-config-list]

# --8<-- [start:pip-mirror-unset]
python -m pip config unset global.index-url
# --8<-- [end:pip-mirror-unset]
