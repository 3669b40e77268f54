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
python -m pip install torchvision==0.24.1 --index-url https://download.pytorch.org/whl/cu128
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
