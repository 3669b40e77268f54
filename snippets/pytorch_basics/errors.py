"""Show the error a piece of code raises without stopping the page: its type and first line."""

from __future__ import annotations

# --8<-- [start:show_error]
from collections.abc import Callable


def error_message(action: Callable[[], object]) -> str:
    """Run `action` and return 'ErrorType: first line of the message' (or 'no error')."""
    try:
        action()
    except Exception as error:
        return f"{type(error).__name__}: {str(error).splitlines()[0]}"
    return "no error"


# --8<-- [end:show_error]
