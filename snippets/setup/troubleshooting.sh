# Commands for the page "Troubleshooting". Sections are included one by one.

# --8<-- [start:jinja-check]
python -c "import jinja2; print(hasattr(jinja2, 'contextfilter'))"
# --8<-- [end:jinja-check]

# --8<-- [start:nbconvert-upgrade]
python -m pip install -U nbconvert
# --8<-- [end:nbconvert-upgrade]

# --8<-- [start:pip-check]
python -m pip check
# --8<-- [end:pip-check]

# --8<-- [start:torchvision-reinstall]
python -m pip show torch torchvision
python -m pip uninstall -y torchvision
python -m pip install torchvision==0.28.0 --index-url https://download.pytorch.org/whl/cu130
# --8<-- [end:torchvision-reinstall]

# --8<-- [start:pillow-reinstall]
python -m pip show pillow
python -m pip install --force-reinstall --no-deps pillow
python -c "import torchvision; print(torchvision.__version__)"
# --8<-- [end:pillow-reinstall]

# --8<-- [start:which-python]
python -c "import sys; print(sys.executable)"
# --8<-- [end:which-python]

# --8<-- [start:cuda-build]
python -c "import torch; print(torch.version.cuda, torch.cuda.is_available())"
# --8<-- [end:cuda-build]

# --8<-- [start:cuda-visible]
echo "${CUDA_VISIBLE_DEVICES-not set}"
# --8<-- [end:cuda-visible]

# --8<-- [start:gpu-memory]
nvidia-smi --query-gpu=memory.used,memory.total --format=csv
# --8<-- [end:gpu-memory]

# --8<-- [start:externally-managed]
python -c "import os, sys, sysconfig; marker = os.path.join(sysconfig.get_path('stdlib'), 'EXTERNALLY-MANAGED'); print(os.path.exists(marker) and sys.prefix == sys.base_prefix)"
# --8<-- [end:externally-managed]

# --8<-- [start:pep668-fix]
python3 -m venv .venv
source .venv/bin/activate
python -m pip install torch
# --8<-- [end:pep668-fix]

# --8<-- [start:python-platform]
python -c "import platform, struct; print(platform.python_version(), platform.system(), platform.machine(), struct.calcsize('P') * 8)"
# --8<-- [end:python-platform]

# --8<-- [start:pip-index-versions]
python -m pip index versions torch
# --8<-- [end:pip-index-versions]

# --8<-- [start:driver-version]
nvidia-smi --query-gpu=name,driver_version --format=csv,noheader
# --8<-- [end:driver-version]

# --8<-- [start:reinstall-cu126]
python -m pip uninstall -y torch torchvision
python -m pip install torch==2.13.0 torchvision==0.28.0 --index-url https://download.pytorch.org/whl/cu126
# --8<-- [end:reinstall-cu126]

# --8<-- [start:openmp-conda]
conda list | grep -i -E "openmp|mkl"
# --8<-- [end:openmp-conda]
