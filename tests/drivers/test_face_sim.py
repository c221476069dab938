"""The simulated face engine's marker convention: drawn by the simulated camera, read back here."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from drivers.face import NoFace, SeveralFaces, face_engine
from drivers.face.sim import CORNERS, MAX_PERSON, SIDE, draw_face_marker, marker_modules, person_vector

ENGINE = face_engine("sim")


def scene(height: int = 240, width: int = 320, seed: int = 0) -> np.ndarray:
    return np.random.default_rng(seed).integers(60, 200, (height, width, 3), dtype=np.uint8)


@settings(max_examples=60, deadline=None)
@given(person=st.integers(0, MAX_PERSON), corner=st.sampled_from(CORNERS), seed=st.integers(0, 5))
def test_every_person_number_reads_back_from_every_corner(person, corner, seed):
    picture = draw_face_marker(scene(seed=seed), person, corner)
    assert ENGINE.person(picture) == person
    assert ENGINE.describe(picture).box.height == SIDE


def test_the_marker_survives_noise_and_a_darker_room():
    picture = draw_face_marker(scene(), 1234).astype(np.int16)
    noisy = np.clip(picture * 0.6 + np.random.default_rng(3).normal(0, 12, picture.shape), 0, 255).astype(np.uint8)
    assert ENGINE.person(noisy) == 1234


def test_a_blank_or_solid_square_or_a_wrong_check_is_not_a_face():
    for value in (0, 255):
        picture = scene()
        picture[8:8 + SIDE, 8:8 + SIDE] = value
        with pytest.raises(NoFace):
            ENGINE.describe(picture)
    picture = draw_face_marker(scene(), 77)
    picture[8 + 5 * 6: 8 + 6 * 6, 8 + 5 * 6: 8 + 6 * 6] ^= 255  # flip the module of the last check bit
    with pytest.raises(NoFace):
        ENGINE.describe(picture)


def test_two_markers_are_two_faces():
    picture = draw_face_marker(draw_face_marker(scene(), 5, "top-left"), 6, "bottom-right")
    assert len(ENGINE.detect(picture)) == 2
    with pytest.raises(SeveralFaces):
        ENGINE.person(picture)
    assert ENGINE.describe(picture, largest=True).vector.shape == (128,)


def test_the_pattern_has_rings_and_the_person_bits():
    modules = marker_modules(0b1010_0000_0001)
    assert not modules[0].any() and not modules[:, 0].any()
    assert modules[1, 1:7].all() and modules[6, 1:7].all()
    assert modules[2, 2:6].tolist() == [True, False, True, False]


def test_descriptors_separate_people_and_bad_arguments_are_refused():
    assert np.linalg.norm(person_vector(1) - person_vector(1)) == 0
    assert np.linalg.norm(person_vector(1) - person_vector(2)) > 1.0
    with pytest.raises(ValueError):
        marker_modules(MAX_PERSON + 1)
    with pytest.raises(ValueError):
        draw_face_marker(scene(), 1, "middle")
    with pytest.raises(ValueError):
        draw_face_marker(scene(40, 40), 1)
