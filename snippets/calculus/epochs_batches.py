"""Epochs, batches and iterations, counted by hand and by a real DataLoader."""

from __future__ import annotations

# --8<-- [start:count]
import math

import torch
from torch.utils.data import DataLoader, TensorDataset


def iterations_per_epoch(
    samples: int,
    batch_size: int,
    drop_last: bool = False,
) -> int:
    """Batches (= parameter updates) in one pass over the data."""
    if drop_last:
        return samples // batch_size
    return math.ceil(samples / batch_size)


def last_batch_size(samples: int, batch_size: int) -> int:
    """Size of the final, possibly smaller, batch when it is kept."""
    return samples - (iterations_per_epoch(samples, batch_size) - 1) * batch_size


# --8<-- [end:count]

SAMPLES, BATCH_SIZE, EPOCHS = 50_000, 256, 10
ITERATIONS_PER_EPOCH = iterations_per_epoch(SAMPLES, BATCH_SIZE)
ITERATIONS_PER_EPOCH_DROP_LAST = iterations_per_epoch(SAMPLES, BATCH_SIZE, drop_last=True)
ITERATIONS_IN_TEN_EPOCHS = EPOCHS * ITERATIONS_PER_EPOCH
ITERATIONS_IN_TEN_EPOCHS_DROP_LAST = EPOCHS * ITERATIONS_PER_EPOCH_DROP_LAST
LAST_BATCH = last_batch_size(SAMPLES, BATCH_SIZE)
FULL_BATCHES = SAMPLES // BATCH_SIZE
SAMPLES_IN_FULL_BATCHES = FULL_BATCHES * BATCH_SIZE


# --8<-- [start:loader]
def make_loader(
    samples: int,
    batch_size: int,
    shuffle: bool = False,
    drop_last: bool = False,
    seed: int = 0,
) -> DataLoader:
    """A DataLoader over sample indices 0..samples-1 (cheap stand-ins for real data)."""
    dataset = TensorDataset(torch.arange(samples))
    generator = torch.Generator().manual_seed(seed)
    return DataLoader(
        dataset,
        batch_size=batch_size,
        shuffle=shuffle,
        drop_last=drop_last,
        generator=generator,
    )


def batch_sizes(loader: DataLoader) -> list[int]:
    """Size of every batch of one epoch, by actually iterating."""
    return [len(indices) for (indices,) in loader]


# --8<-- [end:loader]


def samples_never_seen_without_shuffle() -> int:
    """With drop_last and no shuffle, the same tail samples are skipped every epoch."""
    loader = make_loader(SAMPLES, BATCH_SIZE, drop_last=True)
    seen = set()
    for _ in range(EPOCHS):
        for (indices,) in loader:
            seen.update(indices.tolist())
    return SAMPLES - len(seen)


def samples_never_seen_with_shuffle() -> int:
    loader = make_loader(SAMPLES, BATCH_SIZE, shuffle=True, drop_last=True)
    seen = set()
    for _ in range(EPOCHS):
        for (indices,) in loader:
            seen.update(indices.tolist())
    return SAMPLES - len(seen)


if __name__ == "__main__":
    # --8<-- [start:count_demo]
    kept = iterations_per_epoch(50_000, 256)
    dropped = iterations_per_epoch(50_000, 256, drop_last=True)
    print(kept, dropped)
    print(10 * kept, last_batch_size(50_000, 256))
    # --8<-- [end:count_demo]

    # --8<-- [start:loader_demo]
    for drop_last in (False, True):
        loader = make_loader(50_000, 256, drop_last=drop_last)
        sizes = batch_sizes(loader)
        print(
            f"drop_last={drop_last}: len = {len(loader)}, batches = {len(sizes)}, "
            f"last batch = {sizes[-1]}, samples used = {sum(sizes)}"
        )
    # --8<-- [end:loader_demo]

    # --8<-- [start:shuffle_demo]
    loader = make_loader(50_000, 256, shuffle=True)
    for epoch in range(2):
        first_batch = next(iter(loader))[0]
        print(
            f"epoch {epoch}: {len(loader)} batches, first batch starts {first_batch[:4].tolist()}"
        )
    # --8<-- [end:shuffle_demo]
