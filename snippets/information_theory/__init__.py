"""Information theory: entropy, cross-entropy, KL divergence and the numbers quoted on the pages."""
