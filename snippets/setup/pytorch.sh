# Commands for the page "Installing PyTorch". Sections are included one by one.

# --8<-- [start:pip-cuda]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cu128
# --8<-- [end:pip-cuda]

# --8<-- [start:pip-cpu]
python -m pip install torch torchvision --index-url https://download.pytorch.org/whl/cpu
# --8<-- [end:pip-cpu]

# --8<-- [start:pip-pypi]
python -m pip install torch torchvision
# --8<-- [end:pip-pypi]

# --8<-- [start:conda-forge]
conda install -c conda-forge pytorch torchvision
conda install -c conda-forge "pytorch=*=cuda*" torchvision
# --8<-- [end:conda-forge]

# --8<-- [start:pin]
python -m pip install torch==2.9.1 torchvision==0.24.1 torchaudio==2.9.1 --index-url https://download.pytorch.org/whl/cu128
# --8<-- [end:pin]

# --8<-- [start:pip-check]
python -m pip check
# --8<-- [end:pip-check]

# --8<-- [start:torch-version]
python -c "import torch; print(torch.__version__)"
# --8<-- [end:torch-version]
