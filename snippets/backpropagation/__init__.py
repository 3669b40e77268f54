"""Backpropagation, worked by hand and checked by autograd."""
