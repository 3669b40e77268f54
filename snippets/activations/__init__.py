"""Activation functions: formulas, derivatives and the numbers quoted on the pages."""
