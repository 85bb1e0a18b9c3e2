"""Trains the small CNN of the throughput benchmark with PyTorch on the bundled Fashion-MNIST sample.

Usage: python3 pytorch_epoch.py [THREADS] [EPOCHS] [small-cnn|one-block|mlp] [index|dataloader].
"index" gathers each batch from one tensor, as the C# side does; "dataloader" is the loop of PyTorch's
tutorials, a TensorDataset read by a shuffling DataLoader, which collates every batch sample by sample. Prints the samples per second of the best epoch,
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
NETWORK = sys.argv[3] if len(sys.argv) > 3 else "small-cnn"
LOADER = sys.argv[4] if len(sys.argv) > 4 else "index"
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

if NETWORK == "mlp":
    network = nn.Sequential(nn.Flatten(), nn.Linear(28 * 28, 32), nn.ReLU(), nn.Linear(32, 10))
elif NETWORK == "one-block":
    network = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(16 * 14 * 14, 10))
else:
    network = nn.Sequential(
        nn.Conv2d(1, 32, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 5 * 5, 128), nn.ReLU(), nn.Linear(128, 10))
optimizer = torch.optim.Adam(network.parameters(), lr=0.001)
generator = torch.Generator().manual_seed(42)

loader = torch.utils.data.DataLoader(
    torch.utils.data.TensorDataset(train_images, train_labels), batch_size=64, shuffle=True, generator=generator)


def batches():
    if LOADER == "dataloader":
        return iter(loader)
    permutation = torch.randperm(len(train_labels), generator=generator)
    return ((train_images[batch], train_labels[batch]) for batch in permutation.split(64))


seconds = []
for epoch in range(EPOCHS):
    start = time.perf_counter()
    network.train()
    for batch_images, batch_labels in batches():
        optimizer.zero_grad()
        loss = nn.functional.cross_entropy(network(batch_images), batch_labels)
        loss.backward()
        optimizer.step()
        loss.item()
    network.eval()
    with torch.no_grad():
        (network(validation_images).argmax(1) == validation_labels).sum().item()
    seconds.append(time.perf_counter() - start)

print(f"pytorch {torch.__version__} {NETWORK} {LOADER}: {len(train_labels)} training images, best of {EPOCHS} epochs, {THREADS} threads")
print(f"pytorch samples/s {len(train_labels) / min(seconds):.0f} (epoch seconds {' '.join(f'{value:.2f}' for value in seconds)})")
