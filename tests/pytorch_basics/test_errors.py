import torch

from snippets.pytorch_basics.errors import error_message


def test_error_message_is_type_and_first_line():
    def fail() -> None:
        raise ValueError("first line\nsecond line")

    assert error_message(fail) == "ValueError: first line"


def test_no_error_is_reported_as_such():
    assert error_message(lambda: torch.ones(2).sum()) == "no error"
