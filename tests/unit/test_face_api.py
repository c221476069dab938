"""The public face API: compare_faces, FaceMatch, the errors and their Chinese sentences."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

import app.identity as identity
from app.i18n import set_language, tr
from app.identity import (
    MATCH_THRESHOLD,
    FaceBadlyLit,
    FaceBlurred,
    FaceMatch,
    FaceQualityError,
    FaceTooSmall,
    NoFace,
    SeveralFaces,
    compare_faces,
    validate_id_number,
)
from app.identity.face import current_engine, use_face_engine
from drivers.face import face_engine
from drivers.face.sim import draw_face_marker


def shipped_photo(package: str, relative: str) -> np.ndarray:
    """A real photograph installed with ``package`` (found without importing it), as BGR."""
    cv2 = pytest.importorskip("cv2")
    spec = importlib.util.find_spec(package)
    if spec is None:
        pytest.skip(f"{package} (test dependency that ships the photograph) is not installed")
    return cv2.imread(str(Path(next(iter(spec.submodule_search_locations))) / relative), cv2.IMREAD_COLOR)


def person(number: int, corner: str = "top-left") -> np.ndarray:
    picture = np.random.default_rng(number).integers(80, 180, (320, 240, 3), dtype=np.uint8)
    return draw_face_marker(picture, number, corner)


@pytest.fixture
def sim():
    before = identity.face._engine_name
    use_face_engine("sim")
    assert current_engine() is face_engine("sim")
    yield face_engine("sim")
    use_face_engine(before)


def test_the_same_person_matches_and_another_does_not(sim):
    match = compare_faces(person(7), person(7, "bottom-right"))
    assert isinstance(match, FaceMatch)
    assert match.same and match.distance == 0.0 and match.threshold == MATCH_THRESHOLD
    assert set(match.quality) == {"a", "b"} and match.quality["a"]["face_px"] == 48
    other = compare_faces(person(7), person(8))
    assert not other.same and other.distance > MATCH_THRESHOLD


def test_the_threshold_can_be_given_and_the_engine_passed(sim):
    assert not compare_faces(person(3), person(3), threshold=0.0).same
    assert compare_faces(person(3), person(3), engine=face_engine("sim")).same


def test_a_picture_without_one_face_names_itself(sim):
    blank = np.full((320, 240, 3), 128, np.uint8)
    with pytest.raises(NoFace) as caught:
        compare_faces(person(1), blank)
    assert caught.value.source == "b"
    two = draw_face_marker(person(1), 2, "bottom-right")
    with pytest.raises(SeveralFaces) as caught:
        compare_faces(two, person(1))
    assert caught.value.source == "a" and caught.value.value == 2
    assert isinstance(caught.value, FaceQualityError)


def test_the_threshold_is_the_calibrated_one():
    assert MATCH_THRESHOLD == 0.55


def test_real_photographs_through_the_public_api():
    cv2 = pytest.importorskip("cv2")
    pytest.importorskip("dlib")
    astronaut = shipped_photo("skimage", "data/astronaut.png")
    hopper = shipped_photo("matplotlib", "mpl-data/sample_data/grace_hopper.jpg")
    smaller = cv2.resize(astronaut, None, fx=0.8, fy=0.8, interpolation=cv2.INTER_AREA)
    same = compare_faces(astronaut, smaller, engine=face_engine("dlib"))
    assert same.same and same.distance < 0.3
    assert not compare_faces(astronaut, hopper, engine=face_engine("dlib")).same


def test_every_face_sentence_has_a_chinese_translation():
    errors = [NoFace(), SeveralFaces(2), FaceTooSmall(50, 60), FaceBlurred(5.0, 12.0), FaceBadlyLit(20.0, 40.0, 225.0)]
    english = [error.message for error in errors]
    sentence = "The face recognition library ({library}) is not installed."
    set_language("zh_CN")
    try:
        chinese = [type(error)(*args).message for error, args in zip(errors, [(), (2,), (50, 60), (5.0, 12.0),
                                                                               (20.0, 40.0, 225.0)])]
        library = tr(sentence, library="dlib-bin")
    finally:
        set_language("en")
    for en, zh in zip(english, chinese):
        assert en != zh and any("\u4e00" <= char <= "\u9fff" for char in zh), zh
    assert "2" in chinese[1] and "50" in chinese[2] and "60" in chinese[2] and "12" in chinese[3]
    assert "dlib-bin" in library and library != sentence.format(library="dlib-bin")


def test_the_existing_exports_stay_and_importing_loads_no_vision_library():
    assert validate_id_number is identity.validate_id_number and "validate_id_number" in identity.__all__
    code = "import sys, app.identity; assert not {'dlib', 'cv2', 'face_recognition_models'} & set(sys.modules)"
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
