#!/usr/bin/env bash
# Regenerates data/fashion-mnist-sample/ from the full Fashion-MNIST IDX files: the first 10,000
# training and the first 2,000 test images and labels. The gzip output carries no file name and
# no time stamp, so a rerun with the same zlib reproduces the committed files byte for byte.
# Usage: data/make-fashion-mnist-sample.sh [SOURCE_DIR]
# SOURCE_DIR defaults to /usr/share/datasets/fashion-mnist (Debian: apt-get install dataset-fashion-mnist).
set -euo pipefail

source_dir="${1:-/usr/share/datasets/fashion-mnist}"
target_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/fashion-mnist-sample"
mkdir -p "$target_dir"

python3 - "$source_dir" "$target_dir" <<'PYTHON'
import gzip, os, struct, sys

source_dir, target_dir = sys.argv[1], sys.argv[2]

def make_sample(name, count):
    source = os.path.join(source_dir, name)
    if not os.path.isfile(source):
        sys.exit(f"error: {source} not found; install dataset-fashion-mnist or pass the folder that contains it")
    with gzip.open(source, "rb") as stream:
        data = stream.read()
    magic, total = struct.unpack(">II", data[:8])
    dimensions = (magic & 0xFF) - 1
    header = 8 + 4 * dimensions
    item = 1
    for index in range(dimensions):
        item *= struct.unpack(">I", data[8 + 4 * index:12 + 4 * index])[0]
    if count > total:
        sys.exit(f"error: {source} has {total} items, fewer than the {count} requested")
    # Rewrite the item count and keep the first `count` items.
    sample = data[:4] + struct.pack(">I", count) + data[8:header] + data[header:header + count * item]
    target = os.path.join(target_dir, name)
    with open(target + ".tmp", "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as compressed:
            compressed.write(sample)
    os.replace(target + ".tmp", target)
    print(f"wrote {target} ({count} items)")

make_sample("train-images-idx3-ubyte.gz", 10000)
make_sample("train-labels-idx1-ubyte.gz", 10000)
make_sample("t10k-images-idx3-ubyte.gz", 2000)
make_sample("t10k-labels-idx1-ubyte.gz", 2000)
PYTHON
