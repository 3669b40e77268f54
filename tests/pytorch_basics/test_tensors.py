import numpy as np
import pytest
import torch

from snippets.pytorch_basics import tensors as tn


def test_tensor_and_Tensor_build_different_things():
    assert torch.tensor(3).shape == () and torch.tensor(3).dtype == torch.int64
    assert torch.Tensor(3).shape == (3,) and torch.Tensor(3).dtype == torch.float32
    assert torch.Tensor([3]).tolist() == [3.0]


def test_factory_argument_conventions():
    assert torch.arange(0, 1, 0.25).tolist() == [0.0, 0.25, 0.5, 0.75]
    assert torch.linspace(0, 1, 5).tolist() == [0.0, 0.25, 0.5, 0.75, 1.0]
    assert torch.zeros(2, 3).shape == torch.ones((2, 3)).shape == (2, 3)
    assert torch.full((2, 2), 7).dtype == torch.int64
    assert torch.full((2, 2), 7.0).dtype == torch.float32
    g = torch.Generator().manual_seed(0)
    values = torch.randint(0, 10, (1000,), generator=g)
    assert values.min() >= 0 and values.max() <= 9
    with pytest.raises(TypeError, match="invalid combination of arguments"):
        torch.randint(0, 10, 5)


def test_attributes_and_item():
    x = torch.zeros(2, 3, 4)
    assert (x.dim(), x.numel(), x.size(1), x.shape[-1]) == (3, 24, 3, 4)
    assert x.device.type == "cpu"
    assert torch.tensor([1.5, 2.5]).sum().item() == 4.0
    with pytest.raises(
        RuntimeError, match="a Tensor with 2 elements cannot be converted to Scalar"
    ):
        torch.tensor([1.5, 2.5]).item()


def test_from_numpy_and_numpy_share_memory_tensor_copies():
    array = np.array([1.0, 2.0, 3.0])
    shared, copied = torch.from_numpy(array), torch.tensor(array)
    array[0] = 100.0
    assert shared[0].item() == 100.0 and copied[0].item() == 1.0
    shared.numpy()[1] = -1.0
    assert array[1] == -1.0
    assert shared.dtype == torch.float64


def test_default_dtype_promotion_and_conversion():
    assert torch.get_default_dtype() == torch.float32
    ints = torch.tensor([1, 2, 3])
    assert (ints + 0.5).dtype == (ints / 2).dtype == torch.float32
    assert (ints // 2).dtype == torch.int64
    half = torch.ones(2, dtype=torch.float16)
    assert (half + torch.tensor(1.0, dtype=torch.float64)).dtype == torch.float16
    assert (half + torch.ones(2, dtype=torch.float64)).dtype == torch.float64
    assert tn.UINT8_WRAP == 4
    assert torch.tensor([2.7, -2.7]).long().tolist() == [2, -2]


def test_in_place_on_a_leaf_that_requires_grad_is_refused():
    leaf = torch.ones(3, requires_grad=True)
    with pytest.raises(
        RuntimeError, match="a leaf Variable that requires grad is being used in an in-place"
    ):
        leaf.add_(1)
    with torch.no_grad():
        leaf.add_(1)
    assert leaf.tolist() == [2.0, 2.0, 2.0]


def test_view_after_transpose_fails_and_reshape_copies():
    x = torch.arange(24).reshape(2, 3, 4)
    t = x.transpose(1, 2)
    assert x.stride() == (12, 4, 1) and t.stride() == (12, 1, 4)
    assert not t.is_contiguous()
    with pytest.raises(RuntimeError, match=r"view size is not compatible .* Use \.reshape"):
        t.view(2, 12)
    assert t.reshape(2, 12).data_ptr() != x.data_ptr()
    assert x.view(6, 4).data_ptr() == x.data_ptr()
    torch.testing.assert_close(t.reshape(2, 12), t.contiguous().view(2, 12))


def test_permute_swaps_axes_and_view_does_not():
    x = torch.arange(24).reshape(2, 3, 4)
    right, wrong = x.permute(0, 2, 1), x.view(2, 4, 3)
    for b in range(2):
        for f in range(4):
            for t in range(3):
                assert right[b, f, t] == x[b, t, f]
    assert not torch.equal(wrong, right)
    assert torch.equal(wrong.flatten(), x.flatten())


def test_indexing_masks_and_assignment():
    m = torch.arange(12).reshape(3, 4)
    assert m[m % 3 == 0].tolist() == [0, 3, 6, 9]
    assert m[[0, 2], [1, 3]].tolist() == [1, 11]
    row = m[0]
    row[0] = -1
    assert m[0, 0] == -1
    picked = m[m > 8]
    picked[0] = 100
    assert 100 not in m
    m[m > 8] = 0
    assert m[2].tolist() == [8, 0, 0, 0]


@pytest.mark.parametrize("shapes", tn.BROADCAST_TABLE)
def test_broadcast_rule_matches_torch(shapes):
    expected = torch.broadcast_shapes(*shapes)
    assert tn.broadcast_shape(*shapes) == tuple(expected)
    assert (torch.ones(shapes[0]) + torch.ones(shapes[1])).shape == expected


def test_incompatible_shapes_raise():
    with pytest.raises(ValueError):
        tn.broadcast_shape((2, 3), (3, 2))
    with pytest.raises(RuntimeError, match=r"The size of tensor a \(3\) must match"):
        torch.ones(2, 3) + torch.ones(3, 2)


def test_silent_broadcast_bug_gives_a_wrong_loss():
    assert tn.SILENT_WRONG_LOSS == 2.5
    assert tn.SILENT_RIGHT_LOSS == 0.0
    pred = torch.tensor([[1.0], [2.0], [3.0], [4.0]])
    target = torch.tensor([1.0, 2.0, 3.0, 4.0])
    with pytest.warns(UserWarning, match="Using a target size"):
        loss = torch.nn.functional.mse_loss(pred, target)
    assert loss.item() == 2.5


def test_pick_device_returns_an_available_device():
    device = tn.pick_device()
    assert device.type in {"cuda", "mps", "cpu"}
    assert torch.ones(1, device=device).device.type == device.type
