"""Data: a custom Dataset, DataLoader batching, seeded shuffling, drop_last, num_workers,
a custom collate_fn, TensorDataset and random_split."""

from __future__ import annotations

# --8<-- [start:imports]
import torch
from torch.utils.data import DataLoader, Dataset, TensorDataset, random_split

# --8<-- [end:imports]
from snippets.pytorch_basics.errors import error_message


# --8<-- [start:dataset]
class LineDataset(Dataset):
    """n points on the line y = 2x + 1, x = 0, 1, ..., n - 1."""

    def __init__(self, n: int) -> None:
        self.x = torch.arange(n, dtype=torch.float32)
        self.y = 2 * self.x + 1

    def __len__(self) -> int:
        return len(self.x)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, torch.Tensor]:
        return self.x[index], self.y[index]


# --8<-- [end:dataset]


# --8<-- [start:sequences]
class SequenceDataset(Dataset):
    """Token sequences of different lengths, each with a label."""

    def __init__(self) -> None:
        self.sequences = [[5, 3, 8], [2, 9], [7, 1, 4, 6], [3]]
        self.labels = [0, 1, 1, 0]

    def __len__(self) -> int:
        return len(self.sequences)

    def __getitem__(self, index: int) -> tuple[torch.Tensor, int]:
        return torch.tensor(self.sequences[index]), self.labels[index]


# --8<-- [end:sequences]


# --8<-- [start:pad_collate]
def pad_collate(
    batch: list[tuple[torch.Tensor, int]],
) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """Pad the sequences of a batch with 0 to the longest one; keep the true lengths."""
    sequences, labels = zip(*batch, strict=True)
    lengths = torch.tensor([len(s) for s in sequences])
    padded = torch.zeros(len(sequences), int(lengths.max()), dtype=torch.long)
    for row, sequence in enumerate(sequences):
        padded[row, : len(sequence)] = sequence
    return padded, torch.tensor(labels), lengths


# --8<-- [end:pad_collate]


def batch_sizes(n: int, batch_size: int, drop_last: bool) -> list[int]:
    loader = DataLoader(LineDataset(n), batch_size=batch_size, drop_last=drop_last)
    return [len(x) for x, _ in loader]


def shuffled_order(seed: int, num_workers: int = 0) -> list[int]:
    """The x values of one shuffled epoch of LineDataset(10) in batches of 4."""
    loader = DataLoader(
        LineDataset(10),
        batch_size=4,
        shuffle=True,
        generator=torch.Generator().manual_seed(seed),
        num_workers=num_workers,
    )
    return [int(v) for x, _ in loader for v in x]


BATCHES_10_BY_4 = len(batch_sizes(10, 4, drop_last=False))
LAST_BATCH_10_BY_4 = batch_sizes(10, 4, drop_last=False)[-1]
BATCHES_10_BY_4_DROP_LAST = len(batch_sizes(10, 4, drop_last=True))


if __name__ == "__main__":
    # --8<-- [start:dataset_demo]
    ds = LineDataset(10)
    print(len(ds))  # (1)!
    print(ds[3])  # (2)!
    # --8<-- [end:dataset_demo]

    # --8<-- [start:loader]
    loader = DataLoader(ds, batch_size=4)
    print(len(loader))  # (1)!
    for x, y in loader:
        print(x, y)  # (2)!
    # --8<-- [end:loader]

    # --8<-- [start:shuffle]
    def first_epoch(seed: int) -> list[torch.Tensor]:
        g = torch.Generator().manual_seed(seed)  # (1)!
        loader = DataLoader(ds, batch_size=4, shuffle=True, generator=g)
        return [x for x, _ in loader]

    print(first_epoch(seed=0))
    print(first_epoch(seed=0)[0].equal(first_epoch(seed=0)[0]))  # (2)!
    g = torch.Generator().manual_seed(0)
    loader = DataLoader(ds, batch_size=4, shuffle=True, generator=g)
    epoch_1 = [x for x, _ in loader]
    epoch_2 = [x for x, _ in loader]
    print(epoch_1[0], epoch_2[0])  # (3)!
    # --8<-- [end:shuffle]

    # --8<-- [start:drop_last]
    print([len(x) for x, _ in DataLoader(ds, batch_size=4)])
    print([len(x) for x, _ in DataLoader(ds, batch_size=4, drop_last=True)])  # (1)!
    # --8<-- [end:drop_last]

    # --8<-- [start:default_collate_error]
    sequences = SequenceDataset()
    print(sequences[0], sequences[1])
    loader = DataLoader(sequences, batch_size=2)
    print(error_message(lambda: next(iter(loader))))  # (1)!
    # --8<-- [end:default_collate_error]

    # --8<-- [start:custom_collate]
    loader = DataLoader(sequences, batch_size=2, collate_fn=pad_collate)
    for padded, labels, lengths in loader:
        print(padded, labels, lengths)
    # --8<-- [end:custom_collate]

    # --8<-- [start:tensor_dataset]
    features = torch.arange(20, dtype=torch.float32).reshape(10, 2)
    targets = torch.arange(10) % 2
    pairs = TensorDataset(features, targets)  # (1)!
    print(len(pairs), pairs[3])
    train_set, val_set = random_split(
        pairs, [0.8, 0.2], generator=torch.Generator().manual_seed(0)
    )  # (2)!
    print(len(train_set), len(val_set))
    print(sorted(train_set.indices + val_set.indices) == list(range(10)))  # (3)!
    # --8<-- [end:tensor_dataset]
