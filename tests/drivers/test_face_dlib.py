"""The dlib engine: quality checks, augmented same-person pairs, lazy thread-safe loading, no warnings.

Real photographs come from packages the test environment installs (scikit-image, matplotlib);
the calibration on 100 LFW photographs is in docs/face-verification.md, not in the suite.
"""

from __future__ import annotations

import subprocess
import sys
import threading

import numpy as np
import pytest

from drivers.errors import LibraryMissing
from drivers.face import FaceBadlyLit, FaceBlurred, FaceTooSmall, NoFace, QualityLimits, face_engine
from drivers.face import models as face_models

cv2 = pytest.importorskip("cv2")
pytest.importorskip("dlib")

from test_face_contract import THRESHOLD, shipped_photo  # noqa: E402


@pytest.fixture(scope="module")
def engine():
    return face_engine("dlib")


@pytest.fixture(scope="module")
def astronaut():
    return shipped_photo("skimage", "data/astronaut.png")


@pytest.fixture(scope="module")
def hopper():
    return shipped_photo("matplotlib", "mpl-data/sample_data/grace_hopper.jpg")


def augmentations(image: np.ndarray) -> dict[str, np.ndarray]:
    """Other pictures of the same person: crop, scale, light, rotation, JPEG, mirror."""
    height, width = image.shape[:2]
    turn = cv2.getRotationMatrix2D((width / 2, height / 2), -6, 1.0)
    return {
        "crop": image[25:height - 15, 35:width - 30],
        "scale": cv2.resize(image, None, fx=0.8, fy=0.8, interpolation=cv2.INTER_AREA),
        "darker": cv2.convertScaleAbs(image, alpha=0.75, beta=-20),
        "brighter": cv2.convertScaleAbs(image, alpha=1.1, beta=25),
        "rotated": cv2.warpAffine(image, turn, (width, height), borderMode=cv2.BORDER_REFLECT),
        "jpeg": cv2.imdecode(cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, 30])[1], cv2.IMREAD_COLOR),
        "mirror": np.ascontiguousarray(image[:, ::-1]),
    }


@pytest.mark.slow
def test_augmented_pictures_match_and_the_two_people_do_not(engine, astronaut, hopper):
    originals = {"astronaut": engine.describe(astronaut), "hopper": engine.describe(hopper)}
    assert engine.distance(originals["astronaut"], originals["hopper"]) > THRESHOLD + 0.1
    for name, image in (("astronaut", astronaut), ("hopper", hopper)):
        other = "hopper" if name == "astronaut" else "astronaut"
        for kind, picture in augmentations(image).items():
            descriptor = engine.describe(picture)
            assert engine.distance(originals[name], descriptor) < THRESHOLD, (name, kind)
            assert engine.distance(originals[other], descriptor) > THRESHOLD, (name, kind)


def test_a_name_badge_that_hog_takes_for_a_face_is_not_a_second_person(engine, astronaut):
    height, width = astronaut.shape[:2]
    turned = cv2.warpAffine(astronaut, cv2.getRotationMatrix2D((width / 2, height / 2), 5, 1.0), (width, height),
                            borderMode=cv2.BORDER_REFLECT)
    picture = cv2.resize(turned, None, fx=1.25, fy=1.25, interpolation=cv2.INTER_LINEAR)
    boxes = engine.detect(picture)
    assert len(boxes) == 2 and boxes[1].height >= QualityLimits().min_face_px  # the badge on her suit
    assert engine.describe(picture).box == boxes[0]


def test_a_small_face_is_too_small_with_its_height(engine, astronaut):
    frame = np.full((320, 320, 3), 120, np.uint8)
    small = cv2.resize(astronaut, None, fx=0.5, fy=0.5, interpolation=cv2.INTER_AREA)
    frame[32:32 + small.shape[0], 32:32 + small.shape[1]] = small
    with pytest.raises(FaceTooSmall) as caught:
        engine.describe(frame)
    assert 40 <= caught.value.value < QualityLimits().min_face_px
    assert f"({caught.value.value} px high, at least 60 px are needed)" in caught.value.message


def test_a_far_face_in_a_full_hd_frame_is_not_found(engine, astronaut):
    frame = np.full((1080, 1920, 3), 120, np.uint8)
    tiny = cv2.resize(astronaut, None, fx=0.25, fy=0.25, interpolation=cv2.INTER_AREA)
    frame[500:500 + tiny.shape[0], 900:900 + tiny.shape[1]] = tiny
    with pytest.raises(NoFace):
        engine.describe(frame)


def test_a_face_in_a_full_hd_frame_is_found_where_it_is(engine, astronaut):
    frame = np.full((1080, 1920, 3), 120, np.uint8)
    big = cv2.resize(astronaut, None, fx=2, fy=2, interpolation=cv2.INTER_LINEAR)
    frame[40:40 + big.shape[0], 400:400 + big.shape[1]] = big
    box = engine.describe(frame).box
    assert abs(box.left - (400 + 2 * 174)) < 30 and abs(box.top - (40 + 2 * 74)) < 30
    assert 170 < box.height < 230


@pytest.mark.parametrize("sigma", [6.0, 8.0])  # 3–4 % of her 202-px face; at 10 no face is found
def test_a_blurred_face_is_refused_with_its_sharpness(engine, hopper, sigma):
    blurred = cv2.GaussianBlur(hopper, (0, 0), sigma)
    with pytest.raises(FaceBlurred) as caught:
        engine.describe(blurred)
    assert caught.value.value < QualityLimits().min_sharpness
    assert "at least 12 is needed" in caught.value.message


def test_a_dark_face_is_refused_with_its_brightness(engine, hopper):
    dark = cv2.convertScaleAbs(hopper, alpha=0.25, beta=0)
    with pytest.raises(FaceBadlyLit) as caught:
        engine.describe(dark)
    assert caught.value.value < 40
    assert "between 40 and 225 is needed" in caught.value.message


def test_quality_limits_are_the_engines_own(astronaut):
    strict = face_engine("dlib", shared=False)
    strict.limits = QualityLimits(min_face_px=150)
    with pytest.raises(FaceTooSmall):
        strict.describe(astronaut)


@pytest.mark.slow
def test_concurrent_calls_share_one_model_load_and_agree(astronaut):
    engine = face_engine("dlib", shared=False)
    results, errors = [], []

    def work():
        try:
            results.append(engine.describe(astronaut).vector)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors and len(results) == 3
    assert all(np.array_equal(results[0], vector) for vector in results[1:])


def test_missing_model_files_are_library_missing(monkeypatch):
    monkeypatch.setattr("drivers.face.model_path", lambda name: None)
    with pytest.raises(LibraryMissing) as caught:
        face_engine("dlib", shared=False)
    assert "face-recognition-models" in caught.value.message


def test_model_files_are_found_without_running_the_models_package():
    assert face_models.model_path(face_models.RESNET).is_file()
    assert face_models.model_path("no-such-model.dat") is None
    code = ("import sys, numpy; from drivers.face import face_engine; "
            "face_engine('dlib').detect(numpy.zeros((64, 64, 3), numpy.uint8)); "
            "assert 'face_recognition_models' not in sys.modules")
    done = subprocess.run([sys.executable, "-W", "error", "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
