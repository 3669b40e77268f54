# Commands for the page "GPU, driver and CUDA". Sections are included one by one.

# --8<-- [start:nvidia-smi]
nvidia-smi
# --8<-- [end:nvidia-smi]

# --8<-- [start:driver-linux]
cat /proc/driver/nvidia/version
nvidia-smi --query-gpu=name,driver_version,compute_cap --format=csv
# --8<-- [end:driver-linux]

# --8<-- [start:nvcc]
nvcc --version
# --8<-- [end:nvcc]

# --8<-- [start:torch-cuda-version]
python -c "import torch; print(torch.version.cuda)"
# --8<-- [end:torch-cuda-version]

# --8<-- [start:torch-build-details]
python -c "import torch; print(torch.backends.cudnn.version())"
python -c "import torch; print(torch.cuda.get_arch_list())"
# --8<-- [end:torch-build-details]

# --8<-- [start:torch-device]
python -c "import torch; print(torch.cuda.get_device_name(0))"
python -c "import torch; print(torch.cuda.get_device_capability(0))"
# --8<-- [end:torch-device]
