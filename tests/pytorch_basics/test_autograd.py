import pytest
import torch

from snippets.pytorch_basics import autograd as ag


def test_leaves_and_grad_fn():
    w = torch.tensor(2.0, requires_grad=True)
    x = torch.tensor(3.0)
    y = w * x
    loss = (y - 5.0) ** 2
    assert w.is_leaf and x.is_leaf and not y.is_leaf and not loss.is_leaf
    assert w.grad_fn is None
    assert (y.grad_fn.name(), loss.grad_fn.name()) == ("MulBackward0", "PowBackward0")
    assert loss.grad_fn.next_functions[0][0].name() == "SubBackward0"
    names = [fn.name() if fn else None for fn, _ in y.grad_fn.next_functions]
    assert names == ["torch::autograd::AccumulateGrad", None]


def test_scalar_gradient_matches_the_formula():
    assert ag.SCALAR_GRADIENT == 2 * (2.0 * 3.0 - 5.0) * 3.0 == 6.0


def test_non_scalar_backward_needs_a_gradient_argument():
    v = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    with pytest.raises(
        RuntimeError, match="grad can be implicitly created only for scalar outputs"
    ):
        (v**2).backward()
    weights = torch.tensor([1.0, 0.0, 10.0])
    (v**2).backward(gradient=weights)
    torch.testing.assert_close(v.grad, weights * 2 * v.detach())
    u = v.detach().clone().requires_grad_()
    (weights * u**2).sum().backward()
    torch.testing.assert_close(u.grad, v.grad)


def test_gradients_accumulate_until_zeroed():
    w = torch.tensor(2.0, requires_grad=True)
    seen = []
    for _ in range(3):
        ((w * 3.0 - 5.0) ** 2).backward()
        seen.append(w.grad.item())
    assert seen == [6.0, 12.0, 18.0]
    w.grad.zero_()
    assert w.grad.item() == 0.0


def test_second_backward_needs_retain_graph():
    w = torch.tensor(2.0, requires_grad=True)
    loss = (w * 3.0 - 5.0) ** 2
    loss.backward()
    with pytest.raises(RuntimeError, match="Trying to backward through the graph a second time"):
        loss.backward()
    w.grad = None
    loss = (w * 3.0 - 5.0) ** 2
    loss.backward(retain_graph=True)
    loss.backward()
    assert w.grad.item() == 12.0


def test_retain_grad_keeps_the_gradient_of_a_non_leaf():
    w = torch.tensor(2.0, requires_grad=True)
    y = w * 3.0
    y.retain_grad()
    ((y - 5.0) ** 2).backward()
    assert (y.grad.item(), w.grad.item()) == (2.0, 6.0)
    z = w * 3.0
    ((z - 5.0) ** 2).backward()
    with pytest.warns(UserWarning, match="is not a leaf Tensor is being accessed"):
        assert z.grad is None


def test_in_place_change_of_a_saved_tensor_is_detected():
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(a)
    out.mul_(2)
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.sum().backward()
    (torch.sigmoid(a) * 2).sum().backward()
    s = torch.sigmoid(a.detach())
    torch.testing.assert_close(a.grad, 2 * s * (1 - s))
    assert a.grad.round(decimals=4).tolist() == pytest.approx([0.3932, 0.2100, 0.0904])


def test_no_grad_and_inference_mode():
    w = torch.tensor(2.0, requires_grad=True)
    with torch.no_grad():
        y = w * 3.0
    assert not y.requires_grad and y.grad_fn is None and not y.is_inference()
    with torch.inference_mode():
        z = w * 3.0
    assert not z.requires_grad and z.is_inference()
    with pytest.raises(RuntimeError, match="Inference tensors cannot be saved for backward"):
        (w * z).backward()
    (w * z.clone()).backward()
    assert w.grad.item() == 6.0


def test_data_hides_the_change_from_autograd_and_detach_does_not():
    right, wrong = ag.data_gradient_is_silently_wrong()
    assert wrong == [0.0, 0.0, 0.0]
    assert all(g > 0 for g in right)
    a = torch.tensor([1.0, 2.0, 3.0], requires_grad=True)
    out = torch.sigmoid(a)
    out.detach().zero_()
    with pytest.raises(RuntimeError, match="modified by an inplace operation"):
        out.sum().backward()


def test_numpy_needs_detach():
    w = torch.tensor([1.0, 2.0], requires_grad=True)
    with pytest.raises(RuntimeError, match=r"Can't call numpy\(\) on Tensor that requires grad"):
        w.numpy()
    assert w.detach().numpy().tolist() == [1.0, 2.0]


def test_gradient_follows_the_branch_taken():
    assert ag.double_until(torch.tensor(1.5), 10.0).item() == 12.0
    assert ag.GRADIENT_FROM_1_5 == 8.0
    assert ag.GRADIENT_FROM_3 == 4.0
