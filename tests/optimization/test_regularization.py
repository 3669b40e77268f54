import pytest
import torch

from snippets.optimization import regularization as rg


def test_polynomial_fit_matches_polyfit_normal_equations():
    for degree in (1, 3):
        c = rg.fit_polynomial(rg.x_train, rg.y_train, degree)
        features = torch.stack([rg.x_train**k for k in range(degree + 1)], dim=1)
        normal = torch.linalg.solve(features.T @ features, features.T @ rg.y_train)
        torch.testing.assert_close(c, normal)


def test_degree_nine_interpolates_and_overfits():
    assert rg.TRAIN_MSE_9 < 1e-12
    assert rg.TRAIN_MSE_9 < rg.TRAIN_MSE_3 < rg.TRAIN_MSE_1
    assert rg.VAL_MSE_3 < rg.VAL_MSE_1 < rg.VAL_MSE_9


def test_validation_loss_turns_up_while_training_loss_keeps_falling():
    train, _ = rg.loss_curves()
    summary = rg.curve_summary()
    assert 100 < summary["best_epoch"] < 400
    assert summary["final_val"] > 1.3 * summary["best_val"]
    assert train[-1] < 0.2 * train[summary["best_epoch"]]


def test_penalty_gradients_match_autograd():
    w = torch.tensor([0.5, -2.0, 0.3], requires_grad=True)
    (rg.l2_penalty(w, 0.1) + rg.l1_penalty(w, 0.01)).backward()
    torch.testing.assert_close(w.grad, 0.1 * w.detach() + 0.01 * torch.sign(w.detach()))


def train_linear(make, penalty_lam=0.0, steps=30):
    g = torch.Generator().manual_seed(0)
    x, y = torch.randn(16, 3, generator=g), torch.randn(16, generator=g)
    w = torch.zeros(3, requires_grad=True)
    optimizer = make([w])
    for _ in range(steps):
        loss = ((x @ w - y) ** 2).mean() + rg.l2_penalty(w, penalty_lam)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return w.detach()


def test_weight_decay_is_an_l2_penalty_for_sgd_and_for_adam_but_not_adamw():
    lam = 0.3
    sgd_wd = train_linear(lambda p: torch.optim.SGD(p, lr=0.05, weight_decay=lam))
    sgd_l2 = train_linear(lambda p: torch.optim.SGD(p, lr=0.05), penalty_lam=lam)
    torch.testing.assert_close(sgd_wd, sgd_l2)
    adam_wd = train_linear(lambda p: torch.optim.Adam(p, lr=0.05, weight_decay=lam))
    adam_l2 = train_linear(lambda p: torch.optim.Adam(p, lr=0.05), penalty_lam=lam)
    torch.testing.assert_close(adam_wd, adam_l2)
    adamw = train_linear(lambda p: torch.optim.AdamW(p, lr=0.05, weight_decay=lam))
    assert (adamw - adam_l2).abs().max() > 1e-3


def test_adamw_decay_is_sgd_style_shrinking():
    assert rg.ADAMW_LARGE == pytest.approx(0.99**10, rel=1e-6)
    assert rg.ADAMW_SMALL == pytest.approx((1 - 1e-6) ** 10, rel=1e-6)
    # Adam with L2: the decay gradient is normalized away, so the strength barely matters
    assert rg.ADAM_L2_SMALL == pytest.approx(rg.ADAM_L2_LARGE, abs=1e-4)
    assert rg.ADAM_L2_SMALL == pytest.approx(0.9, abs=1e-3)


def test_dropout_keeps_the_expected_value():
    mean = rg.dropout_mean(rg.DROPOUT_P)
    assert abs(mean - 1) < 5 * rg.DROPOUT_MEAN_SD
    torch.manual_seed(1)
    ours = rg.dropout(torch.ones(1_000_000), 0.2)
    assert abs(ours.mean().item() - 1) < 5 * (0.2 / 0.8 / 1_000_000) ** 0.5
    assert set(ours.unique().tolist()) == {0.0, 1.25}


def test_dropout_values_and_eval_mode():
    torch.manual_seed(0)
    layer = torch.nn.Dropout(p=0.5)
    out = layer(torch.ones(1000))
    assert set(out.unique().tolist()) == {0.0, rg.DROPOUT_SCALE}
    layer.eval()
    x = torch.randn(10)
    assert torch.equal(layer(x), x)
    assert torch.equal(rg.dropout(x, 0.5, training=False), x)


def test_early_stopping():
    losses = [1.0, 0.8, 0.7, 0.72, 0.69, 0.71, 0.73, 0.74, 0.75]
    assert rg.early_stopping_run(losses, patience=3) == (7, 4)
    assert rg.early_stopping_run(losses, patience=10) == (8, 4)
