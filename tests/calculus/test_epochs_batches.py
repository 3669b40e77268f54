import torch

from snippets.calculus import epochs_batches as eb


def test_iterations_per_epoch_by_hand():
    assert eb.ITERATIONS_PER_EPOCH == 196
    assert eb.ITERATIONS_PER_EPOCH_DROP_LAST == 195
    assert eb.ITERATIONS_IN_TEN_EPOCHS == 1960
    assert eb.ITERATIONS_IN_TEN_EPOCHS_DROP_LAST == 1950
    assert eb.LAST_BATCH == 50_000 - 195 * 256 == 80
    assert eb.SAMPLES_IN_FULL_BATCHES == 49_920


def test_exact_multiple_has_no_partial_batch():
    assert eb.iterations_per_epoch(512, 256) == eb.iterations_per_epoch(512, 256, True) == 2
    assert eb.last_batch_size(512, 256) == 256


def test_dataloader_agrees_with_the_formula():
    for drop_last in (False, True):
        loader = eb.make_loader(50_000, 256, drop_last=drop_last)
        sizes = eb.batch_sizes(loader)
        assert len(loader) == len(sizes) == eb.iterations_per_epoch(50_000, 256, drop_last)
        assert sizes[-1] == (256 if drop_last else 80)
        assert set(sizes[:-1]) == {256}


def test_ten_epochs_make_1960_iterations():
    loader = eb.make_loader(50_000, 256)
    assert sum(1 for _ in range(10) for _ in loader) == 1960


def test_shuffle_changes_the_order_not_the_count():
    plain = eb.make_loader(50_000, 256)
    shuffled = eb.make_loader(50_000, 256, shuffle=True)
    assert len(plain) == len(shuffled) == 196
    first, second = (torch.cat([b for (b,) in shuffled]) for _ in range(2))
    assert not torch.equal(first, second)
    torch.testing.assert_close(first.sort().values, torch.arange(50_000))
    assert eb.batch_sizes(shuffled) == eb.batch_sizes(plain)


def test_shuffle_is_reproducible_with_a_seed():
    a = next(iter(eb.make_loader(1000, 10, shuffle=True, seed=3)))[0]
    b = next(iter(eb.make_loader(1000, 10, shuffle=True, seed=3)))[0]
    torch.testing.assert_close(a, b)


def test_drop_last_without_shuffle_never_shows_the_tail():
    assert eb.samples_never_seen_without_shuffle() == 80
    assert eb.samples_never_seen_with_shuffle() == 0
