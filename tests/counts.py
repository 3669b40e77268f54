"""Counters that tests fill in and tests/reporting.py reports at the end of the run."""

included_run = {"python": 0, "shell": 0}
included_skipped = 0
