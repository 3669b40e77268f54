import math

import pytest
import torch
from torch.autograd.functional import hessian
from torch.utils.data import DataLoader, TensorDataset

from snippets.calculus import exercises as ex


def test_directional_derivative_by_autograd_along_the_line():
    x = torch.tensor([2.0, -1.0], dtype=torch.float64, requires_grad=True)
    (grad,) = torch.autograd.grad(x[0] ** 2 + 3 * x[1] ** 2, x)
    torch.testing.assert_close(ex.GRADIENT, grad)
    t = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    p = ex.POINT + t * ex.DIRECTION
    (slope,) = torch.autograd.grad(p[0] ** 2 + 3 * p[1] ** 2, t)
    assert ex.DIRECTIONAL_DERIVATIVE == pytest.approx(slope.item()) == pytest.approx(-2.4)
    assert ex.STEEPEST_RATE == pytest.approx(math.sqrt(52))


def _descend(lr: float, steps: int) -> list[float]:
    x = ex.X
    y = 3 * x
    w = torch.tensor(0.0, dtype=torch.float64, requires_grad=True)
    errors = []
    for _ in range(steps):
        loss = ((w * x - y) ** 2).mean()
        (grad,) = torch.autograd.grad(loss, w)
        with torch.no_grad():
            w -= lr * grad
        errors.append(w.item() - 3)
    return errors


def test_learning_rate_threshold_and_factors():
    w = torch.tensor(0.5, dtype=torch.float64)
    curvature = hessian(lambda w: ((w * ex.X - 3 * ex.X) ** 2).mean(), w)
    assert ex.CURVATURE == pytest.approx(curvature.item()) == 15
    assert ex.THRESHOLD == pytest.approx(2 / 15)
    for lr, factor in ((0.1, ex.FACTOR_AT_0_1), (0.15, ex.FACTOR_AT_0_15)):
        errors = _descend(lr, 20)
        assert errors[-1] / errors[-2] == pytest.approx(factor)
    assert abs(_descend(0.1, 60)[-1]) < 1e-15
    assert abs(_descend(0.15, 60)[-1]) > 1e4
    assert abs(_descend(ex.THRESHOLD, 60)[-1]) == pytest.approx(3)
    assert _descend(ex.ONE_STEP_LR, 1)[0] == pytest.approx(0, abs=1e-12)


def test_central_difference_of_the_cube_is_off_by_exactly_h_squared():
    h = 0.1
    assert ex.CENTRAL_H_0_1 == pytest.approx(((2 + h) ** 3 - (2 - h) ** 3) / (2 * h))
    assert ex.CENTRAL_ERROR_H_0_1 == pytest.approx(h**2)
    assert ex.CENTRAL_ERROR_PREDICTED == pytest.approx(h**2)
    assert ex.FORWARD_ERROR_H_0_1 == pytest.approx(h / 2 * 12 + h**2 / 6 * 6)
    x = torch.tensor(2.0, dtype=torch.float64, requires_grad=True)
    (x**3).backward()
    assert ex.CENTRAL_H_0_1 - x.grad.item() == pytest.approx(0.01)


def test_jacobian_shapes_are_output_shape_then_input_shape():
    assert ex.jacobian_shapes() == [(3, 4), (3, 3, 4), (4,)]


def test_critical_points_of_the_cubic_valley():
    for point in (ex.RIGHT_POINT, ex.LEFT_POINT):
        p = point.clone().requires_grad_()
        (grad,) = torch.autograd.grad(ex.cubic_valley(p), p)
        torch.testing.assert_close(grad, torch.zeros(2, dtype=torch.float64))
    right = torch.linalg.eigvalsh(hessian(ex.cubic_valley, ex.RIGHT_POINT))
    left = torch.linalg.eigvalsh(hessian(ex.cubic_valley, ex.LEFT_POINT))
    assert right.tolist() == pytest.approx([2.0, 6.0]) == ex.RIGHT_EIGENVALUES
    assert left.tolist() == pytest.approx([-6.0, 2.0]) == ex.LEFT_EIGENVALUES
    assert (ex.RIGHT_KIND, ex.LEFT_KIND) == ("minimum", "saddle point")


def test_mnist_sized_epoch_counted_by_a_dataloader():
    dataset = TensorDataset(torch.arange(ex.SAMPLES))
    sizes = [len(b) for (b,) in DataLoader(dataset, batch_size=ex.BATCH_SIZE)]
    assert len(sizes) == ex.ITERATIONS == 469
    assert sizes[-1] == ex.LAST_BATCH == 96
    dropped = DataLoader(dataset, batch_size=ex.BATCH_SIZE, drop_last=True)
    assert len(dropped) == ex.ITERATIONS_DROP_LAST == 468
    assert len(DataLoader(dataset, batch_size=256)) == ex.ITERATIONS_AT_256 == 235


def test_first_decay_epoch_by_counting_iterations():
    for per_epoch, expected in ((ex.ITERATIONS, ex.FIRST_DECAY_EPOCH), (235, 5)):
        epoch, iterations_done = 0, 0
        while iterations_done < ex.DECAY_EVERY:
            epoch += 1
            iterations_done += per_epoch
        assert epoch == expected
    assert ex.FIRST_DECAY_EPOCH == 3
