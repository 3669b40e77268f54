import pytest
import torch
from torch import nn

from snippets.setup import troubleshooting as ts


def test_accumulated_gradient_equals_full_batch_gradient():
    torch.manual_seed(3)
    model = nn.Linear(5, 2)
    x, y = torch.randn(24, 5), torch.randn(24, 2)
    for steps in (1, 2, 3, 4, 6):
        torch.testing.assert_close(
            ts.accumulated_gradient(model, x, y, steps), ts.full_batch_gradient(model, x, y)
        )


def test_without_dividing_by_steps_the_gradient_is_too_large():
    torch.manual_seed(3)
    model = nn.Linear(5, 2)
    x, y = torch.randn(24, 5), torch.randn(24, 2)
    model.zero_grad()
    for x_part, y_part in zip(x.chunk(4), y.chunk(4), strict=True):
        nn.functional.mse_loss(model(x_part), y_part).backward()
    torch.testing.assert_close(model.weight.grad, 4 * ts.full_batch_gradient(model, x, y))


def test_memory_formula_matches_what_adam_allocates():
    model = nn.Sequential(nn.Linear(100, 50), nn.ReLU(), nn.Linear(50, 10))
    optimizer = torch.optim.Adam(model.parameters())
    nn.functional.mse_loss(model(torch.randn(8, 100)), torch.randn(8, 10)).backward()
    optimizer.step()
    params = list(model.parameters())
    allocated = sum(p.nbytes + p.grad.nbytes for p in params)
    allocated += sum(
        optimizer.state[p][key].nbytes for p in params for key in ("exp_avg", "exp_avg_sq")
    )
    n_params = sum(p.numel() for p in params)
    assert ts.adam_training_memory_gb(n_params) == pytest.approx(allocated / 1e9)


def test_example_in_prose():
    assert ts.EXAMPLE_MEMORY_GB == pytest.approx(1.6)
