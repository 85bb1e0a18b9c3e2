"""Trains the small CNN of the throughput benchmark with PyTorch on the bundled Fashion-MNIST sample.

Usage: python3 pytorch_epoch.py [THREADS] [EPOCHS]. Prints the samples per second of the best epoch,
counting the training pass over 9,000 images and a validation pass over 1,000, as the C# side does.
"""
import gzip
import sys
import time
from pathlib import Path

import torch
from torch import nn

THREADS = int(sys.argv[1]) if len(sys.argv) > 1 else 2
EPOCHS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
SAMPLE = Path(__file__).resolve().parents[2] / "data" / "fashion-mnist-sample"


def read_idx(name, header):
    with gzip.open(SAMPLE / f"{name}.gz", "rb") as file:
        return torch.frombuffer(bytearray(file.read()[header:]), dtype=torch.uint8)


torch.set_num_threads(THREADS)
torch.manual_seed(42)
images = read_idx("train-images-idx3-ubyte", 16).reshape(-1, 1, 28, 28).float() / 255
labels = read_idx("train-labels-idx1-ubyte", 8).long()

# A seeded 10% validation hold-out of the same size as Remap's (the images differ, the counts match).
order = torch.randperm(len(labels), generator=torch.Generator().manual_seed(7))
validation_count = len(labels) // 10
validation, train = order[:validation_count], order[validation_count:]
train_images, train_labels = images[train], labels[train]
validation_images, validation_labels = images[validation], labels[validation]

network = nn.Sequential(
    nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(network.parameters(), lr=0.001)
generator = torch.Generator().manual_seed(42)

seconds = []
for epoch in range(EPOCHS):
    start = time.perf_counter()
    network.train()
    permutation = torch.randperm(len(train_labels), generator=generator)
    for first in range(0, len(train_labels), 64):
        batch = permutation[first:first + 64]
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(network(train_images[batch]), train_labels[batch])
        loss.backward()
        optimizer.step()
        loss.item()
    network.eval()
    with torch.no_grad():
        (network(validation_images).argmax(1) == validation_labels).sum().item()
    seconds.append(time.perf_counter() - start)

print(f"pytorch {torch.__version__}: {len(train_labels)} training images, best of {EPOCHS} epochs, {THREADS} threads")
print(f"pytorch samples/s {len(train_labels) / min(seconds):.0f} (epoch seconds {' '.join(f'{value:.2f}' for value in seconds)})")
