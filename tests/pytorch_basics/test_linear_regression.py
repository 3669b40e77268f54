import pytest
import torch

from snippets.pytorch_basics import linear_regression as lr


@pytest.fixture(scope="module")
def split():
    x, y = lr.make_data()
    return lr.train_val_split(x, y)


def test_data_shapes_and_split(split):
    x_train, _, x_val, _ = split
    assert x_train.shape == (lr.N_TRAIN, 1) and x_val.shape == (lr.N_VAL, 1)
    assert lr.N_TRAIN + lr.N_VAL == lr.N_SAMPLES
    x, _ = lr.make_data()
    assert sorted(torch.cat([x_train, x_val]).flatten().tolist()) == sorted(x.flatten().tolist())


def test_closed_form_is_near_the_true_line_and_matches_normal_equations(split):
    x_train, y_train, _, _ = split
    assert abs(lr.LS_W - lr.TRUE_W) < lr.TOLERANCE_TRUE
    assert abs(lr.LS_B - lr.TRUE_B) < lr.TOLERANCE_TRUE
    a = torch.cat([x_train, torch.ones_like(x_train)], dim=1).double()
    normal = torch.linalg.solve(a.T @ a, a.T @ y_train.double())
    torch.testing.assert_close(normal.flatten().tolist(), [lr.LS_W, lr.LS_B])


def test_hand_gradients_match_autograd(split):
    x_train, y_train, _, _ = split
    loss, dw, db = lr.mse_gradients(0.5, -0.2, x_train, y_train)
    w = torch.tensor(0.5, requires_grad=True)
    b = torch.tensor(-0.2, requires_grad=True)
    auto_loss = ((w * x_train + b - y_train) ** 2).mean()
    auto_loss.backward()
    assert loss == pytest.approx(auto_loss.item(), rel=1e-5)
    assert dw == pytest.approx(w.grad.item(), rel=1e-5)
    assert db == pytest.approx(b.grad.item(), rel=1e-5)


def test_three_ways_recover_the_closed_form(split):
    x_train, y_train, _, _ = split
    w1, b1, losses1 = lr.fit_by_hand(x_train, y_train)
    w2, b2, losses2 = lr.fit_with_autograd(x_train, y_train)
    model, losses3 = lr.fit_with_nn(x_train, y_train)
    w3, b3 = model.weight.item(), model.bias.item()
    for w, b in ((w1, b1), (w2, b2), (w3, b3)):
        assert abs(w - lr.LS_W) < lr.TOLERANCE_CLOSED_FORM
        assert abs(b - lr.LS_B) < lr.TOLERANCE_CLOSED_FORM
        assert abs(w - lr.TRUE_W) < lr.TOLERANCE_TRUE
        assert abs(b - lr.TRUE_B) < lr.TOLERANCE_TRUE
    torch.testing.assert_close(losses1, losses2, rtol=1e-5, atol=1e-6)
    torch.testing.assert_close(losses2, losses3, rtol=1e-5, atol=1e-6)
    assert len(losses1) == lr.STEPS


def test_validation_loss_is_near_the_noise_variance():
    assert 0.5 * lr.NOISE_VARIANCE < lr.FINAL_TRAIN_LOSS < 1.5 * lr.NOISE_VARIANCE
    assert 0.5 * lr.NOISE_VARIANCE < lr.FINAL_VAL_LOSS < 1.5 * lr.NOISE_VARIANCE
    assert lr.NOISE_VARIANCE == pytest.approx(0.04)


def test_dropout_is_random_in_train_mode_and_identity_in_eval_mode():
    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=0.5)
    x = torch.ones(1000)
    out = layer(x)
    assert set(out.unique().tolist()) == {0.0, 2.0}
    layer.eval()
    assert torch.equal(layer(x), x)


def test_exercise_answers():
    assert (torch.ones(4, 1, 3) + torch.ones(2, 1)).shape == (4, 2, 3)
    a = torch.arange(6)
    a.view(2, 3)[1, 0] = 100
    assert a.tolist() == [0, 1, 2, 100, 4, 5]
    assert lr.EXERCISE_PARAMETERS == 10 * 5 + 5 + 5 * 1 + 1 == 61
    x = torch.tensor(2.0, requires_grad=True)
    (x**3).backward()
    (x**3).backward()
    assert x.grad.item() == 2 * 3 * 2.0**2 == 24.0
    assert lr.EXERCISE_ACCUMULATED_GRADIENT == 24.0
    assert lr.EXERCISE_BATCH_SIZES == [3, 3, 3, 1]
    assert (lr.EXERCISE_BATCHES, lr.EXERCISE_BATCHES_DROP_LAST) == (4, 3)
    assert lr.EXERCISE_W == pytest.approx(2.0) and lr.EXERCISE_B == pytest.approx(1.0)
    w, b = lr.exercise_closed_form()
    assert w == pytest.approx(2.0) and b == pytest.approx(1.0)
