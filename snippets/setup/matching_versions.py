"""Which torchvision series belongs to a PyTorch release."""

from __future__ import annotations


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
    print(torchvision_series("2.13.0"))
    print(torchvision_series("2.0.1"))
    # --8<-- [end:examples]
