import pytest
import torch
from torch.utils.data import DataLoader, TensorDataset, random_split

from snippets.pytorch_basics import data as dt


def test_dataset_length_and_items():
    ds = dt.LineDataset(10)
    assert len(ds) == 10
    x, y = ds[3]
    assert (x.item(), y.item()) == (3.0, 7.0)


def test_batches_and_drop_last():
    assert dt.batch_sizes(10, 4, drop_last=False) == [4, 4, 2]
    assert dt.batch_sizes(10, 4, drop_last=True) == [4, 4]
    assert (dt.BATCHES_10_BY_4, dt.LAST_BATCH_10_BY_4, dt.BATCHES_10_BY_4_DROP_LAST) == (3, 2, 2)


def test_seeded_shuffling_is_reproducible_and_changes_each_epoch():
    first = dt.shuffled_order(0)
    assert first == dt.shuffled_order(0)
    assert sorted(first) == list(range(10))
    assert first[:4] == [3, 7, 5, 2]
    g = torch.Generator().manual_seed(0)
    loader = DataLoader(dt.LineDataset(10), batch_size=4, shuffle=True, generator=g)
    epoch_1 = [int(v) for x, _ in loader for v in x]
    epoch_2 = [int(v) for x, _ in loader for v in x]
    assert epoch_1 == first and epoch_2 != epoch_1


def test_workers_do_not_change_the_batches():
    assert dt.shuffled_order(0, num_workers=2) == dt.shuffled_order(0)


def test_default_collate_cannot_stack_sequences_of_different_lengths():
    loader = DataLoader(dt.SequenceDataset(), batch_size=2)
    with pytest.raises(RuntimeError, match=r"stack expects each tensor to be equal size"):
        next(iter(loader))


def test_pad_collate_pads_and_keeps_lengths():
    loader = DataLoader(dt.SequenceDataset(), batch_size=2, collate_fn=dt.pad_collate)
    padded, labels, lengths = next(iter(loader))
    assert padded.tolist() == [[5, 3, 8], [2, 9, 0]]
    assert labels.tolist() == [0, 1] and lengths.tolist() == [3, 2]


def test_tensor_dataset_and_random_split():
    features = torch.arange(20, dtype=torch.float32).reshape(10, 2)
    pairs = TensorDataset(features, torch.arange(10) % 2)
    x, y = pairs[3]
    assert x.tolist() == [6.0, 7.0] and y.item() == 1
    train, val = random_split(pairs, [0.8, 0.2], generator=torch.Generator().manual_seed(0))
    assert (len(train), len(val)) == (8, 2)
    assert sorted(train.indices + val.indices) == list(range(10))
