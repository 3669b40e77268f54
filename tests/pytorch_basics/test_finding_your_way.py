import inspect

import pytest
import torch

from snippets.pytorch_basics import finding_your_way as fw


def test_public_names_filters_private_names_and_prefix():
    assert fw.public_names(torch.Tensor, "resh") == ["reshape", "reshape_as"]
    assert all(not n.startswith("_") for n in fw.public_names(torch.nn))
    assert "linspace" in fw.public_names(torch, "lin")


def test_signature_of_python_functions_and_none_for_builtins():
    assert fw.LINEAR_PARAMETER_NAMES == [
        "self",
        "in_features",
        "out_features",
        "bias",
        "device",
        "dtype",
    ]
    with pytest.raises(ValueError, match="no signature found for builtin"):
        inspect.signature(torch.linspace)


def test_docstring_of_a_builtin_starts_with_its_signature():
    assert fw.first_doc_lines(torch.linspace)[0].startswith("linspace(start, end, steps, *")
    assert fw.first_doc_lines(torch.nn.Linear)[0].startswith("Applies an affine linear")
    assert fw.first_doc_lines(object(), count=3) == fw.first_doc_lines(object, count=3)
