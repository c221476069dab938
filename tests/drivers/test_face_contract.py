"""One contract for every face engine (STYLE.md, Architecture 4): the simulated one and dlib.

The dlib engine runs on real photographs that installed packages ship (scikit-image's astronaut,
Eileen Collins; matplotlib's Grace Hopper); the simulated one on pictures with person markers.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np
import pytest

from drivers.face import FaceDescriptor, NoFace, SeveralFaces, face_engine
from drivers.face.sim import draw_face_marker

THRESHOLD = 0.55  # app.identity.face.MATCH_THRESHOLD; the drivers do not import app.identity


def shipped_photo(package: str, relative: str) -> np.ndarray:
    """A real photograph installed with ``package`` (located without importing it), as BGR."""
    cv2 = pytest.importorskip("cv2")
    spec = importlib.util.find_spec(package)
    if spec is None:
        pytest.skip(f"{package} (test dependency that ships the photograph) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / relative
    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert image is not None, path
    return image


class DlibPictures:
    def person(self, number: int, variant: int = 0) -> np.ndarray:
        import cv2

        image = [shipped_photo("skimage", "data/astronaut.png"),
                 shipped_photo("matplotlib", "mpl-data/sample_data/grace_hopper.jpg")][number]
        if variant:  # the same person, another picture: scaled, darker, recompressed
            image = cv2.resize(image, None, fx=0.85, fy=0.85, interpolation=cv2.INTER_AREA)
            image = cv2.convertScaleAbs(image, alpha=0.9, beta=-15)
            image = cv2.imdecode(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 50])[1], cv2.IMREAD_COLOR)
        return image

    def two_people(self) -> np.ndarray:
        import cv2

        first, second = self.person(0), self.person(1)
        second = cv2.resize(second, (second.shape[1] * first.shape[0] // second.shape[0], first.shape[0]))
        return np.hstack([first, second])


class SimPictures:
    def background(self) -> np.ndarray:
        return np.random.default_rng(7).integers(90, 170, (360, 480, 3), dtype=np.uint8)

    def person(self, number: int, variant: int = 0) -> np.ndarray:
        corner = ("top-left", "bottom-right")[variant]
        return draw_face_marker(self.background(), 100 + number, corner)

    def two_people(self) -> np.ndarray:
        return draw_face_marker(self.person(0), 101, "top-right")


def no_face() -> np.ndarray:
    """A synthetic scene without a face: a gradient, a disc and bars."""
    y, x = np.mgrid[0:360, 0:480]
    picture = np.stack([(x * 255 // 480), (y * 255 // 360), np.full_like(x, 128)], axis=2).astype(np.uint8)
    picture[((x - 300) ** 2 + (y - 180) ** 2) < 60 ** 2] = (40, 200, 220)
    picture[50:300:40, 40:200] = 20
    return picture


@pytest.fixture(scope="module", params=["sim", "dlib"])
def backend(request):
    return face_engine(request.param), {"sim": SimPictures, "dlib": DlibPictures}[request.param]()


def test_one_face_gives_one_descriptor_and_box(backend):
    engine, pictures = backend
    picture = pictures.person(0)
    boxes = engine.detect(picture)
    assert len(boxes) == 1 and boxes[0].height > 0
    descriptor = engine.describe(picture)
    assert isinstance(descriptor, FaceDescriptor) and descriptor.vector.shape == (128,)
    assert descriptor.box == boxes[0]
    assert descriptor.quality.face_px == boxes[0].height


def test_the_same_person_is_near_and_two_people_are_far(backend):
    engine, pictures = backend
    first = engine.describe(pictures.person(0))
    assert engine.distance(first, engine.describe(pictures.person(0, variant=1))) < THRESHOLD
    assert engine.distance(first, engine.describe(pictures.person(1))) > THRESHOLD
    assert engine.distance(first, first) == 0.0


def test_no_face_is_reported(backend):
    engine, _ = backend
    assert engine.detect(no_face()) == []
    with pytest.raises(NoFace) as caught:
        engine.describe(no_face())
    assert caught.value.code == "no_face" and caught.value.message == "No face was found in the picture."


def test_two_faces_are_reported_unless_the_largest_is_asked_for(backend):
    engine, pictures = backend
    picture = pictures.two_people()
    boxes = engine.detect(picture)
    assert len(boxes) == 2 and boxes[0].area >= boxes[1].area
    with pytest.raises(SeveralFaces) as caught:
        engine.describe(picture)
    assert caught.value.value == 2
    assert caught.value.message.startswith("2 faces are in the picture")
    assert engine.describe(picture, largest=True).box == boxes[0]


def test_grey_pictures_are_accepted_and_bad_arrays_refused(backend):
    engine, pictures = backend
    grey = pictures.person(0).mean(axis=2).astype(np.uint8)
    assert len(engine.detect(grey)) == 1
    with pytest.raises(TypeError):
        engine.detect(grey.astype(np.float32))
    with pytest.raises(ValueError):
        engine.detect(np.zeros((10, 10, 2), np.uint8))


def test_descriptors_of_different_engines_are_not_compared():
    sim = face_engine("sim")
    descriptor = sim.describe(SimPictures().person(0))
    other = FaceDescriptor(vector=descriptor.vector, box=descriptor.box, quality=descriptor.quality, model="other")
    with pytest.raises(ValueError):
        sim.distance(descriptor, other)


def test_the_factory_shares_engines_and_refuses_unknown_names():
    assert face_engine("sim") is face_engine("sim")
    assert face_engine("sim", shared=False) is not face_engine("sim")
    with pytest.raises(ValueError):
        face_engine("nope")
