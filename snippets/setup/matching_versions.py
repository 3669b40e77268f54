"""Which torchvision series belongs to a PyTorch release."""

from __future__ import annotations

# Triples checked against the packages' own requirements on PyPI (torchvision pins torch==...).
MATCHING_RELEASES = [
    ("2.10.0", "0.25.0", "2.10.0"),
    ("2.9.1", "0.24.1", "2.9.1"),
    ("2.5.1", "0.20.1", "2.5.1"),
    ("2.0.1", "0.15.2", "2.0.2"),
]


# --8<-- [start:rule]
def torchvision_series(torch_version: str) -> str:
    """PyTorch 2.N.* pairs with torchvision 0.(N + 15).*; look the patch release up."""
    major, minor = (int(part) for part in torch_version.split("+")[0].split(".")[:2])
    if major != 2:
        raise ValueError(f"the rule covers PyTorch 2.x, not {torch_version}")
    return f"0.{minor + 15}"


# --8<-- [end:rule]

if __name__ == "__main__":
    # --8<-- [start:examples]
    print(torchvision_series("2.9.1"))
    print(torchvision_series("2.0.1"))
    # --8<-- [end:examples]
