"""The calculus of learning: derivatives, gradients and gradient descent."""
