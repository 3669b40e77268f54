"""PyTorch essentials: tensors, autograd, data, modules and linear regression end to end."""
