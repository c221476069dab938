"""Real portraits that PyPI packages ship (located without importing the packages), for benches.

scikit-image ships astronaut.png (Eileen Collins), matplotlib ships grace_hopper.jpg. Both are
test extras of the project; None when the package is not installed.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import cv2
import numpy as np

PORTRAITS = {
    "astronaut": ("skimage", "data/astronaut.png"),
    "grace_hopper": ("matplotlib", "mpl-data/sample_data/grace_hopper.jpg"),
}


def shipped_portrait(name: str) -> np.ndarray | None:
    package, relative = PORTRAITS[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    return cv2.imread(str(path), cv2.IMREAD_COLOR) if path.exists() else None
