"""Finding your way in PyTorch: dir(), help(), docstrings and signatures."""

from __future__ import annotations

# --8<-- [start:imports]
import inspect

import torch

# --8<-- [end:imports]


# --8<-- [start:public_names]
def public_names(obj: object, prefix: str = "") -> list[str]:
    """The names dir() lists for obj, without the _private ones, filtered by a prefix."""
    return [name for name in dir(obj) if not name.startswith("_") and name.startswith(prefix)]


# --8<-- [end:public_names]


# --8<-- [start:first_doc_lines]
def first_doc_lines(obj: object, count: int = 1) -> list[str]:
    """The first non-empty lines of obj's docstring."""
    lines = [line.strip() for line in (obj.__doc__ or "").splitlines()]
    return [line for line in lines if line][:count]


# --8<-- [end:first_doc_lines]


RESHAPE_NAMES = public_names(torch.Tensor, "reshape")
LINEAR_PARAMETER_NAMES = list(inspect.signature(torch.nn.Linear.__init__).parameters)


if __name__ == "__main__":
    # --8<-- [start:dir_demo]
    print(public_names(torch.Tensor, "resh"))
    print(public_names(torch, "lin"))
    print(len(public_names(torch.nn)) > 100)  # (1)!
    # --8<-- [end:dir_demo]

    # --8<-- [start:signature_demo]
    print(inspect.signature(torch.nn.Linear.__init__))
    print(inspect.signature(torch.nn.functional.mse_loss))
    # --8<-- [end:signature_demo]

    # --8<-- [start:builtin_demo]
    try:
        inspect.signature(torch.linspace)
    except ValueError as error:
        print(type(error).__name__, str(error).split(" <")[0])  # (1)!
    print(first_doc_lines(torch.linspace)[0])  # (2)!
    # --8<-- [end:builtin_demo]

    # --8<-- [start:docstring_demo]
    print(first_doc_lines(torch.nn.Linear)[0])
    # --8<-- [end:docstring_demo]

    # --8<-- [start:help_demo]
    help(torch.Tensor.item)
    # --8<-- [end:help_demo]
