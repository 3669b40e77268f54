import pytest
import torch

from snippets.optimization import optimizers as opt
from snippets.optimization.optimizers import (
    SGD,
    AdaGrad,
    Adam,
    MomentumEWA,
    RMSProp,
    run,
    run_torch,
)

STEPS = 50
PAIRS = {
    "sgd": (lambda: SGD(0.05), lambda p: torch.optim.SGD(p, lr=0.05)),
    "momentum": (
        lambda: SGD(0.05, momentum=0.9),
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9),
    ),
    "nesterov": (
        lambda: SGD(0.05, momentum=0.9, nesterov=True),
        lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.9, nesterov=True),
    ),
    "adagrad": (lambda: AdaGrad(0.1), lambda p: torch.optim.Adagrad(p, lr=0.1)),
    "rmsprop": (lambda: RMSProp(0.01), lambda p: torch.optim.RMSprop(p, lr=0.01)),
    "adam": (lambda: Adam(0.05), lambda p: torch.optim.Adam(p, lr=0.05)),
    "adam_l2": (
        lambda: Adam(0.05, weight_decay=0.1),
        lambda p: torch.optim.Adam(p, lr=0.05, weight_decay=0.1),
    ),
    "adamw": (
        lambda: Adam(0.05, weight_decay=0.1, decoupled=True),
        lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=0.1),
    ),
}


def random_quadratic(seed: int = 0):
    """f(w) = w^T A w / 2 - b^T w with a random positive definite A, in float64."""
    g = torch.Generator().manual_seed(seed)
    m = torch.randn(4, 4, generator=g, dtype=torch.float64)
    a = m @ m.T / 4 + 0.1 * torch.eye(4, dtype=torch.float64)
    b = torch.randn(4, generator=g, dtype=torch.float64)
    return (lambda w: w @ a @ w / 2 - b @ w), (lambda w: a @ w - b)


@pytest.mark.parametrize("name", PAIRS)
def test_from_scratch_matches_torch_optim_for_50_steps(name):
    ours_factory, torch_factory = PAIRS[name]
    loss, grad = random_quadratic()
    w0 = [1.0, -2.0, 0.5, 3.0]
    ours = run(ours_factory(), grad, w0, STEPS)
    theirs = run_torch(torch_factory, loss, w0, STEPS)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=1e-6)
    assert not torch.allclose(ours[0], ours[-1])


ROSENBROCK_TORCH = {
    "sgd": lambda p: torch.optim.SGD(p, lr=0.0005),
    "momentum": lambda p: torch.optim.SGD(p, lr=0.0005, momentum=0.9),
    "adam": lambda p: torch.optim.Adam(p, lr=0.02),
}


@pytest.mark.parametrize("name", ROSENBROCK_TORCH)
def test_figure_paths_match_torch_on_rosenbrock(name):
    ours = opt.rosenbrock_paths()[name]
    theirs = run_torch(
        ROSENBROCK_TORCH[name], opt.rosenbrock, opt.ROSENBROCK_START, opt.ROSENBROCK_STEPS
    )
    torch.testing.assert_close(ours, theirs, rtol=0, atol=1e-6)


def test_rosenbrock_gradient_matches_autograd():
    w = torch.tensor([-1.2, 0.7], dtype=torch.float64, requires_grad=True)
    opt.rosenbrock(w).backward()
    torch.testing.assert_close(opt.rosenbrock_gradient(w.detach()), w.grad)


@pytest.mark.parametrize("kappa", [1.0, 10.0, 25.0])
def test_quadratic_gradient_matches_autograd(kappa):
    w = torch.tensor([0.3, -1.5], dtype=torch.float64, requires_grad=True)
    opt.quadratic(kappa)(w).backward()
    torch.testing.assert_close(opt.quadratic_gradient(kappa)(w.detach()), w.grad)


def test_first_two_steps_table_is_exact():
    assert opt.SGD_W1 == 0.9 and opt.SGD_W2 == 0.81
    assert opt.MOMENTUM_W1 == 0.9 and opt.MOMENTUM_W2 == 0.72
    assert opt.EWA_W1 == 0.99 and opt.EWA_W2 == pytest.approx(0.9711, abs=1e-15)
    assert opt.NESTEROV_W1 == 0.81 and opt.NESTEROV_W2 == pytest.approx(0.5751, abs=1e-15)
    assert opt.ADAGRAD_W1 == pytest.approx(1 - 0.1 / (1 + 1e-10), abs=1e-15)
    assert opt.ADAGRAD_W2 == pytest.approx(0.9 - 0.1 * 0.9 / (1.81**0.5 + 1e-10), abs=1e-10)
    assert opt.RMSPROP_W1 == pytest.approx(1e-8 / (0.1 + 1e-8), rel=1e-6)
    assert opt.ADAM_W1 == pytest.approx(1 - 0.1 / (1 + 1e-8), abs=1e-15)
    assert opt.ADAM_RAW_W1 == pytest.approx(1 - 0.1 * 0.1 / (0.001**0.5 + 1e-8), abs=1e-12)
    assert opt.ADAMW_W1 == pytest.approx(0.999 - 0.1 / (1 + 1e-8), abs=1e-15)
    m2, v2 = 0.09 + 0.1 * 0.9, 0.999 * 0.001 + 0.001 * 0.81
    adam_w2 = 0.9 - 0.1 * (m2 / 0.19) / ((v2 / (1 - 0.999**2)) ** 0.5 + 1e-8)
    assert opt.ADAM_W2 == pytest.approx(adam_w2, abs=1e-8)


@pytest.mark.parametrize("name", list(opt.TORCH_TABLE_OPTIMIZERS))
def test_table_rows_equal_torch(name):
    ours = run(opt.TABLE_OPTIMIZERS[name](), opt.identity_gradient, [1.0], 2)
    theirs = run_torch(opt.TORCH_TABLE_OPTIMIZERS[name], opt.half_square, [1.0], 2)
    torch.testing.assert_close(ours, theirs, rtol=0, atol=1e-12)


def test_l2_inside_adam_changes_nothing_at_the_first_step():
    assert opt.ADAM_L2_W1 == pytest.approx(opt.ADAM_W1, abs=1e-9)
    assert opt.ADAMW_W1 < opt.ADAM_W1 - 0.0009


def test_ewa_momentum_equals_torch_momentum_with_lr_times_one_minus_beta():
    loss, grad = random_quadratic(1)
    w0 = [0.5, 1.0, -1.0, 2.0]
    ewa = run(MomentumEWA(lr=0.2, beta=0.9), grad, w0, STEPS)
    torch_form = run_torch(
        lambda p: torch.optim.SGD(p, lr=0.2 * (1 - 0.9), momentum=0.9), loss, w0, STEPS
    )
    torch.testing.assert_close(ewa, torch_form, rtol=0, atol=1e-12)
    same_lr = run_torch(lambda p: torch.optim.SGD(p, lr=0.2, momentum=0.9), loss, w0, STEPS)
    assert not torch.allclose(ewa, same_lr)


def test_dampening_is_not_the_ewa_form_because_of_the_first_step():
    loss, grad = random_quadratic(2)
    w0 = [0.5, 1.0, -1.0, 2.0]
    ewa = run(MomentumEWA(lr=0.2, beta=0.9), grad, w0, 5)
    damped = run_torch(
        lambda p: torch.optim.SGD(p, lr=0.2, momentum=0.9, dampening=0.9), loss, w0, 5
    )
    assert not torch.allclose(ewa[1], damped[1])


def test_adam_first_step_is_lr_whatever_the_gradient_scale():
    assert opt.ADAM_FIRST_STEP_LARGE_GRAD == pytest.approx(0.1, abs=1e-9)
    assert opt.ADAM_FIRST_STEP_SMALL_GRAD == pytest.approx(0.1 * 0.001 / (0.001 + 1e-8))
    assert opt.RMSPROP_FIRST_STEP_OVER_LR == pytest.approx(10, rel=1e-6)


def test_uncorrected_adam_factor():
    assert opt.UNCORRECTED_FACTOR_T1 == pytest.approx(0.1 / 0.001**0.5)
    assert opt.UNCORRECTED_PEAK_STEP == 12
    assert opt.uncorrected_step_factor(10**6) == pytest.approx(1, abs=1e-6)


def test_condition_number_steps_follow_the_rate():
    import math

    for kappa, steps in zip(
        opt.KAPPAS,
        (opt.GD_STEPS_KAPPA_2, opt.GD_STEPS_KAPPA_10, opt.GD_STEPS_KAPPA_100),
        strict=True,
    ):
        # the y-component decays by exactly (kappa - 1) / (kappa + 1) per step
        predicted = math.ceil(math.log(1e-3) / math.log(opt.best_gd_rate(kappa)))
        assert abs(steps - predicted) <= 1
    assert opt.GD_STEPS_KAPPA_1 == 1
    assert (opt.GD_STEPS_KAPPA_10, opt.GD_STEPS_KAPPA_100) == (35, 346)


def test_trajectory_claims():
    assert opt.final_distance("momentum") < opt.final_distance("sgd")
    assert opt.rosenbrock_final_distance("sgd") > 1
    assert opt.rosenbrock_final_distance("momentum") < 0.05
    assert opt.rosenbrock_final_distance("adam") < 0.05


def test_sgd_alone_on_rosenbrock_works_up_to_about_0_002_and_diverges_at_0_003():
    good = run(SGD(0.002), opt.rosenbrock_gradient, opt.ROSENBROCK_START, opt.ROSENBROCK_STEPS)
    assert (good[-1] - torch.tensor([1.0, 1.0], dtype=torch.float64)).norm() < 0.02
    bad = run(SGD(0.003), opt.rosenbrock_gradient, opt.ROSENBROCK_START, opt.ROSENBROCK_STEPS)
    assert torch.isnan(bad[-1]).all()
