import re
import warnings

import pytest
import torch

from snippets.optimization import lr_schedules as lrs


@pytest.mark.parametrize("name", list(lrs.SCHEDULES))
def test_torch_schedulers_follow_the_closed_forms(name):
    used = lrs.lr_per_epoch(lrs.SCHEDULES[name])
    expected = [lrs.CLOSED_FORMS[name](e) for e in range(lrs.EPOCHS)]
    torch.testing.assert_close(torch.tensor(used), torch.tensor(expected), rtol=0, atol=1e-12)


def test_right_order_gives_no_warning():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lrs.lr_per_epoch(lrs.SCHEDULES["warm-up + cosine"], epochs=3)


def test_wrong_order_warns_and_skips_the_first_value():
    with pytest.warns(UserWarning, match=re.escape(lrs.WARNING_START)) as record:
        used = lrs.first_lrs_wrong_order()
    message = str(record[0].message)
    assert "you should call them in the opposite order" in message
    assert "skipping the first value of the learning rate schedule" in message
    assert used == pytest.approx([0.019, 0.028, 0.037])
    assert lrs.RIGHT_ORDER_FIRST_LR == pytest.approx(0.01)
    assert lrs.WRONG_ORDER_FIRST_LR == pytest.approx(0.019)


def test_named_values():
    assert lrs.STEP_LR_AT_120 == 0.025
    assert lrs.MULTISTEP_LR_AT_130 == pytest.approx(0.001)
    assert lrs.COSINE_LR_AT_100 == pytest.approx(0.05)
    assert lrs.COSINE_LR_AT_50 == pytest.approx(0.05 * (1 + 2**-0.5))
    assert lrs.WARMUP_LR_AT_5 == pytest.approx(0.055)


def test_plateau_halves_after_patience_and_stops_at_min_lr():
    assert lrs.PLATEAU_FIRST_CUT == 72  # loss stalls from epoch 60, 11 epochs without a new best
    assert lrs.PLATEAU_CUTS == [72, 83, 94, 105, 116, 127, 138]
    assert lrs.PLATEAU_FINAL_LR == pytest.approx(0.001)
    assert max(lrs.PLATEAU_LRS[:72]) == min(lrs.PLATEAU_LRS[:72]) == 0.1
