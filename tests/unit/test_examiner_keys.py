"""An examiner's key sealed under their PIN opens only with that PIN and for that examiner."""

from __future__ import annotations

import pytest

from app.security import FAST_FOR_TESTS, CryptoError, SigningKey, WrongPin, open_examiner_key, seal_examiner_key


def test_the_pin_and_the_staff_number_unlock_the_key():
    key = SigningKey.generate()
    sealed = seal_examiner_key(key, "246810", "KW0101", FAST_FOR_TESTS)
    assert key.seed() not in sealed
    assert open_examiner_key(sealed, "246810", "KW0101").public_key == key.public_key
    with pytest.raises(WrongPin):
        open_examiner_key(sealed, "135791", "KW0101")
    with pytest.raises(WrongPin):
        open_examiner_key(sealed, "246810", "KW0102")
    with pytest.raises(CryptoError):
        open_examiner_key(sealed[:10], "246810", "KW0101")
    with pytest.raises(CryptoError):
        open_examiner_key(bytes([1, 40]) + sealed[2:], "246810", "KW0101")
