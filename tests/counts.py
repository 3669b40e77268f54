"""Counters that tests fill in and tests/conftest.py reports at the end of the run."""

included_blocks_run = 0
