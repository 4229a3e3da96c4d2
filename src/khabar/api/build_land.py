"""Build ``static/land.json``, the coarse land outline the web page draws its map on.

Source: the GLOBE 30-arc-second land/sea mask (NOAA National Geophysical Data Center, public
domain) as repackaged, compressed, in the ``global-land-mask`` wheel (MIT), file
``globe_combined_mask_compressed.npz``. Run once at build time, never at run time:

    python -m khabar.api.build_land PATH/globe_combined_mask_compressed.npz [--step 0.5]

Each ``step``-degree cell is land when at least half of its 1-km samples are land; each row
of cells is stored as runs ``[first_column, length]``. The page draws the runs as rectangles
in an equirectangular projection.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

STATIC = Path(__file__).resolve().parent / "static"
SAMPLES_PER_DEGREE = 120  # GLOBE is 30 arc-seconds
MAX_LAT, MIN_LAT = 84.0, -60.0


def build(npz: Path, step: float) -> dict[str, object]:
    import numpy as np

    data = np.load(npz)
    water = data["mask"]  # True on water; rows from 90N southwards, columns from 180W eastwards
    block = round(step * SAMPLES_PER_DEGREE)
    top = round((90 - MAX_LAT) * SAMPLES_PER_DEGREE)
    bottom = round((90 - MIN_LAT) * SAMPLES_PER_DEGREE)
    rows: list[list[list[int]]] = []
    for row_start in range(top, bottom, block):
        band = ~water[row_start:row_start + block]
        fraction = band.reshape(band.shape[0], -1, block).mean(axis=(0, 2))
        land = fraction >= 0.5
        runs, column = [], 0
        while column < land.size:
            if land[column]:
                end = column
                while end < land.size and land[end]:
                    end += 1
                runs.append([column, end - column])
                column = end
            else:
                column += 1
        rows.append(runs)
    return {"step": step, "north": MAX_LAT, "west": -180.0, "rows": rows,
            "source": "GLOBE land mask (NOAA NGDC, public domain), via the global-land-mask package (MIT)"}


def main() -> None:
    parser = argparse.ArgumentParser(description="build the web page's coarse land outline")
    parser.add_argument("npz", type=Path, help="globe_combined_mask_compressed.npz from global-land-mask")
    parser.add_argument("--step", type=float, default=0.5, help="cell size in degrees (default 0.5)")
    parser.add_argument("--output", type=Path, default=STATIC / "land.json")
    args = parser.parse_args()
    result = build(args.npz, args.step)
    args.output.write_text(json.dumps(result, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.output} ({args.output.stat().st_size:,} bytes, {len(result['rows'])} rows)")


if __name__ == "__main__":
    main()
