"""Code shown on the pages of the knowledge base, one module per topic."""
