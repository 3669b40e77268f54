# Commands for the page "Installing PyTorch". Sections are included one by one.
# Versions and index folders must agree with snippets/setup/release_facts.py (tests check it).

# --8<-- [start:pip-cuda]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cu130
# --8<-- [end:pip-cuda]

# --8<-- [start:pip-cpu]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
# --8<-- [end:pip-cpu]

# --8<-- [start:pip-pypi]
python -m pip install torch torchvision
# --8<-- [end:pip-pypi]

# --8<-- [start:pip-rocm]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/rocm7.2
# --8<-- [end:pip-rocm]

# --8<-- [start:pip-xpu]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/xpu
# --8<-- [end:pip-xpu]

# --8<-- [start:conda-forge]
conda install -c conda-forge pytorch torchvision
conda install -c conda-forge "pytorch=*=cuda*" torchvision
# --8<-- [end:conda-forge]

# --8<-- [start:pin]
python -m pip install torch==2.13.0 torchvision==0.28.0 --index-url https://download.pytorch.org/whl/cu130
# --8<-- [end:pin]

# --8<-- [start:pip-check]
python -m pip check
# --8<-- [end:pip-check]

# --8<-- [start:torch-version]
python -c "import torch; print(torch.__version__)"
# --8<-- [end:torch-version]
