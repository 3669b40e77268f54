# Commands for the page "Using environments in Jupyter". Sections are included one by one.

# --8<-- [start:jupyter-per-env]
conda activate dl
conda install jupyterlab -y
jupyter lab
# --8<-- [end:jupyter-per-env]

# --8<-- [start:kernel-venv]
python -m venv .venv
source .venv/bin/activate
python -m pip install --quiet ipykernel
python -m ipykernel install --user --name dl-demo --display-name "Python (dl-demo)"
deactivate
# --8<-- [end:kernel-venv]

# --8<-- [start:kernel-list]
jupyter kernelspec list
# --8<-- [end:kernel-list]

# --8<-- [start:kernel-count]
jupyter kernelspec list | grep -c dl-demo
# --8<-- [end:kernel-count]

# --8<-- [start:kernel-conda]
conda activate dl
conda install ipykernel -y
python -m ipykernel install --user --name dl --display-name "Python (dl)"
# --8<-- [end:kernel-conda]

# --8<-- [start:nb-conda-kernels]
conda create -n jupyter jupyterlab nb_conda_kernels -y
conda install -n dl ipykernel -y
conda activate jupyter
jupyter lab
# --8<-- [end:nb-conda-kernels]

# --8<-- [start:jupyterlab]
python -m pip install jupyterlab
jupyter lab
# --8<-- [end:jupyterlab]

# --8<-- [start:kernel-remove]
jupyter kernelspec remove -f dl-demo
# --8<-- [end:kernel-remove]
