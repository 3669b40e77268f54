"""Installation guides: commands and the verification script."""
