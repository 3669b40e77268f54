"""Tensors: ranks and shapes, creation, attributes, NumPy, dtypes, in-place ops, views,
indexing, broadcasting and devices."""

from __future__ import annotations

# --8<-- [start:imports]
import numpy as np
import torch

# --8<-- [end:imports]
from snippets.pytorch_basics.errors import error_message


# --8<-- [start:pick_device]
def pick_device() -> torch.device:
    """CUDA if there is an NVIDIA (or ROCm) GPU, else Apple's MPS, else the CPU."""
    if torch.cuda.is_available():
        return torch.device("cuda")
    if torch.backends.mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


# --8<-- [end:pick_device]


def broadcast_shape(*shapes: tuple[int, ...]) -> tuple[int, ...]:
    """The broadcast result shape, by the rule: align on the right, sizes equal or 1."""
    ndim = max(len(s) for s in shapes)
    padded = [(1,) * (ndim - len(s)) + tuple(s) for s in shapes]
    result = []
    for sizes in zip(*padded, strict=True):
        others = {n for n in sizes if n != 1}
        if len(others) > 1:
            raise ValueError(f"shapes {shapes} cannot be broadcast")
        result.append(others.pop() if others else 1)
    return tuple(result)


BROADCAST_TABLE = (
    ((3,), (3,)),
    ((2, 3), (3,)),
    ((2, 3), (2, 1)),
    ((3, 1), (1, 4)),
    ((4, 1, 3), (2, 1)),
)


def silent_broadcast_losses() -> tuple[float, float]:
    """MSE with predictions of shape (4, 1) against targets of shape (4,): wrong, then right."""
    pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    target = torch.tensor([1.0, 2.0, 3.0, 4.0])
    wrong = ((pred - target) ** 2).mean().item()
    right = ((pred.squeeze(1) - target) ** 2).mean().item()
    return wrong, right


SILENT_WRONG_LOSS, SILENT_RIGHT_LOSS = silent_broadcast_losses()
UINT8_WRAP = int(torch.tensor([250], dtype=torch.uint8).add(10).item())


if __name__ == "__main__":
    # --8<-- [start:ranks]
    scalar = torch.tensor(3.5)  # rank 0
    vector = torch.tensor([1.0, 2.0, 3.0])  # rank 1
    matrix = torch.tensor([[1, 2, 3], [4, 5, 6]])  # rank 2
    batch = torch.zeros(2, 3, 4)  # rank 3
    for t in (scalar, vector, matrix, batch):
        print(t.dim(), t.shape)
    # --8<-- [end:ranks]

    # --8<-- [start:tensor_vs_Tensor]
    a = torch.tensor(3)  # (1)!
    b = torch.Tensor(3)  # (2)!
    c = torch.tensor([3.0])
    print(a.shape, a.dtype)
    print(b.shape, b.dtype)
    print(c.shape, c.dtype)
    # --8<-- [end:tensor_vs_Tensor]

    # --8<-- [start:from_data]
    print(torch.tensor([[1, 2], [3, 4]]).dtype)  # (1)!
    print(torch.tensor([1, 2.5]).dtype)  # (2)!
    print(torch.tensor(np.array([1.0, 2.0])).dtype)  # (3)!
    # --8<-- [end:from_data]

    # --8<-- [start:factories]
    print(torch.zeros(2, 3).shape, torch.ones((2, 3)).shape)  # (1)!
    print(torch.empty(2, 3).shape)  # (2)!
    print(torch.full((2, 2), 7))  # (3)!
    print(torch.arange(0, 1, 0.25))  # (4)!
    print(torch.linspace(0, 1, 5))  # (5)!
    g = torch.Generator().manual_seed(0)
    print(torch.rand(2, 3, generator=g).shape)  # (6)!
    print(torch.randn(2, 3, generator=g).shape)
    print(torch.randint(0, 10, (5,), generator=g))  # (7)!
    # --8<-- [end:factories]

    # --8<-- [start:attributes]
    x = torch.zeros(2, 3, 4)
    print(x.shape, x.size(), x.size(1), x.shape[-1])  # (1)!
    print(x.dim(), x.numel(), x.dtype, x.device)
    total = torch.tensor([1.5, 2.5]).sum()
    print(total, total.item(), type(total.item()))  # (2)!
    # --8<-- [end:attributes]

    # --8<-- [start:item_error]
    print(error_message(lambda: torch.tensor([1.5, 2.5]).item()))
    # --8<-- [end:item_error]

    # --8<-- [start:numpy_shared]
    array = np.array([1.0, 2.0, 3.0])
    shared = torch.from_numpy(array)  # (1)!
    copied = torch.tensor(array)  # (2)!
    array[0] = 100.0
    print(shared)
    print(copied)
    back = shared.numpy()  # (3)!
    back[1] = -1.0
    print(array)
    # --8<-- [end:numpy_shared]

    # --8<-- [start:dtypes]
    print(torch.get_default_dtype())
    ints = torch.tensor([1, 2, 3])
    print((ints + 0.5).dtype, (ints / 2).dtype, (ints // 2).dtype)  # (1)!
    half = torch.ones(2, dtype=torch.float16)
    print((half + torch.tensor(1.0, dtype=torch.float64)).dtype)  # (2)!
    print((half + torch.ones(2, dtype=torch.float64)).dtype)
    print(torch.tensor([250], dtype=torch.uint8) + 10)  # (3)!
    print(
        ints.float().dtype, ints.to(torch.float64).dtype, torch.tensor([2.7, -2.7]).long()
    )  # (4)!
    # --8<-- [end:dtypes]

    # --8<-- [start:in_place]
    v = torch.tensor([1.0, 2.0, 3.0])
    w = v.add(1)  # (1)!
    v.add_(1)  # (2)!
    print(v, w)
    leaf = torch.ones(3, requires_grad=True)
    print(error_message(lambda: leaf.add_(1)))  # (3)!
    with torch.no_grad():
        leaf.add_(1)  # (4)!
    print(leaf)
    # --8<-- [end:in_place]

    # --8<-- [start:view_reshape]
    x = torch.arange(24).reshape(2, 3, 4)
    print(x.stride(), x.is_contiguous())  # (1)!
    t = x.transpose(1, 2)  # shape (2, 4, 3)
    print(t.stride(), t.is_contiguous())  # (2)!
    print(error_message(lambda: t.view(2, 12)))  # (3)!
    print(t.reshape(2, 12).shape, t.contiguous().view(2, 12).shape)  # (4)!
    print(x.view(6, 4).data_ptr() == x.data_ptr(), t.reshape(2, 12).data_ptr() == x.data_ptr())
    # --8<-- [end:view_reshape]

    # --8<-- [start:permute_vs_view]
    x = torch.arange(24).reshape(2, 3, 4)  # (batch, time, feature)
    right = x.permute(0, 2, 1)  # (batch, feature, time)
    wrong = x.view(2, 4, 3)  # same shape, wrong contents
    print(x[0])
    print(right[0])
    print(wrong[0])
    print(torch.equal(right[1, 3], x[1, :, 3]), torch.equal(wrong[1, 3], x[1, :, 3]))  # (1)!
    # --8<-- [end:permute_vs_view]

    # --8<-- [start:indexing]
    m = torch.arange(12).reshape(3, 4)
    print(m[1], m[:, 1], m[-1, -1])  # (1)!
    print(m[0:2, ::2])  # (2)!
    mask = m % 3 == 0
    print(m[mask])  # (3)!
    print(m[[0, 2], [1, 3]])  # (4)!
    # --8<-- [end:indexing]

    # --8<-- [start:assignment]
    m = torch.arange(12).reshape(3, 4)
    row = m[0]  # a view
    row[0] = -1  # (1)!
    picked = m[m > 8]  # a copy
    picked[0] = 100  # (2)!
    m[m > 8] = 0  # (3)!
    print(m)
    # --8<-- [end:assignment]

    # --8<-- [start:broadcasting]
    col = torch.tensor([[0], [10], [20]])  # shape (3, 1)
    row = torch.tensor([1, 2, 3, 4])  # shape (4,)
    print(col + row)  # (1)!
    print(error_message(lambda: torch.ones(2, 3) + torch.ones(3, 2)))  # (2)!
    # --8<-- [end:broadcasting]

    # --8<-- [start:silent_bug]
    pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])  # model output, shape (4, 1)
    target = torch.tensor([1.0, 2.0, 3.0, 4.0])  # labels, shape (4,)
    print((pred - target).shape)  # (1)!
    print(((pred - target) ** 2).mean())  # (2)!
    print(((pred.squeeze(1) - target) ** 2).mean())  # (3)!
    # --8<-- [end:silent_bug]

    # --8<-- [start:device]
    device = pick_device()
    x = torch.ones(2, 3, device=device)  # (1)!
    y = torch.arange(3).to(device)  # (2)!
    print((x + y).device.type == device.type)
    print((x + y).cpu().numpy())  # (3)!
    # --8<-- [end:device]
