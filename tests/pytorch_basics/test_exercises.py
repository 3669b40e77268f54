import pytest
import torch
from torch import nn

from snippets.pytorch_basics import exercises as ex


def test_uint8_wraps_and_a_python_float_promotes():
    assert ex.UINT8_TIMES_INT == (200 * 2) % 256 == 144
    assert ex.UINT8_TIMES_INT_DTYPE == torch.uint8
    assert ex.UINT8_TIMES_FLOAT == 400
    assert ex.UINT8_TIMES_FLOAT_DTYPE == torch.get_default_dtype()
    assert torch.result_type(torch.tensor([200], dtype=torch.uint8), 2.0) == torch.float32


def test_permuted_strides_follow_the_original_ones():
    # (2, 3, 4) has strides (12, 4, 1); permute(2, 0, 1) reorders them.
    original = (12, 4, 1)
    assert ex.PERMUTED_STRIDES == tuple(original[i] for i in (2, 0, 1))
    assert ex.PERMUTED_SHAPE == (4, 2, 3)
    assert ex.PERMUTED_IS_CONTIGUOUS is False
    # Element [1, 0, 2] sits at offset 1*1 + 0*12 + 2*4 of the original memory.
    assert ex.PERMUTED_ELEMENT == 1 * 1 + 0 * 12 + 2 * 4 == 9
    with pytest.raises(RuntimeError, match="view size is not compatible"):
        torch.arange(24).reshape(2, 3, 4).permute(2, 0, 1).view(-1)


def test_in_place_under_no_grad_and_through_detach():
    values, is_leaf, requires_grad, detached_requires_grad = ex.in_place_answer()
    assert values == [4.0, 7.0]
    assert (is_leaf, requires_grad, detached_requires_grad) == (True, True, False)


def test_doubling_gradients_by_counting_the_doublings():
    x, doublings = 0.7, 0
    while x * 2**doublings < 10:
        doublings += 1
    assert ex.DOUBLINGS_FROM_0_7 == doublings == 4
    assert ex.GRADIENT_FROM_0_7 == 2**doublings
    assert ex.OUTPUT_FROM_0_7 == pytest.approx(11.2, rel=1e-6)
    assert (ex.OUTPUT_FROM_10, ex.GRADIENT_FROM_10) == (10.0, 1.0)


def test_vector_backward_is_a_vector_jacobian_product():
    x = torch.tensor([1.0, 2.0, 3.0])
    v = torch.tensor([1.0, 0.0, 0.5])
    jac = torch.autograd.functional.jacobian(lambda t: t**3, x)
    torch.testing.assert_close(torch.tensor(ex.VECTOR_GRADIENT), v @ jac)
    assert ex.VECTOR_GRADIENT == [3.0, 0.0, 13.5]


def test_mnist_mlp_parameters_and_names():
    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    assert ex.MLP_PARAMETERS == sum(p.numel() for p in model.parameters()) == 101_770
    assert ex.FIRST_LAYER_PARAMETERS == 784 * 128 + 128
    assert ex.SECOND_LAYER_PARAMETERS == 128 * 10 + 10
    assert ex.SECOND_WEIGHT_SHAPE == tuple(model[2].weight.shape) == (10, 128)
    assert ex.STATE_DICT_KEYS == list(model.state_dict())
