"""app.security: signatures, sealing, the site key file, field encryption, secrets and papers."""

from __future__ import annotations

import json
import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.security import (
    FAST_FOR_TESTS,
    CryptoError,
    FieldCipher,
    ScryptParams,
    SigningKey,
    SiteKeys,
    SitePublic,
    WrongExamPassword,
    WrongPassphrase,
    fingerprint,
    hash_secret,
    needs_rehash,
    open_paper,
    seal_paper,
    seal_to,
    verify_secret,
    verify_signature,
)

FAST = FAST_FOR_TESTS


@pytest.fixture(scope="module")
def site() -> SiteKeys:
    return SiteKeys.generate("SITE-01", "测试考点")


def test_sample_issuer_is_deterministic_and_distinct_from_random_keys():
    a, b = SigningKey.sample_issuer(), SigningKey.sample_issuer()
    assert a.public_key == b.public_key and len(a.public_key) == 32
    assert SigningKey.generate().public_key != a.public_key
    assert SigningKey.from_seed(a.seed()).public_key == a.public_key


def test_fingerprint_is_short_stable_and_key_dependent():
    key = SigningKey.from_seed(bytes(32))
    assert key.fingerprint == fingerprint(key.public_key)
    assert key.fingerprint.startswith("SHA256:") and len(key.fingerprint.split()) == 8
    assert fingerprint(bytes(32)) != fingerprint(bytes(31) + b"\x01")


def test_signatures_verify_and_bad_ones_return_false():
    key = SigningKey.generate()
    signature = key.sign(b"manifest")
    assert verify_signature(key.public_key, signature, b"manifest")
    assert not verify_signature(key.public_key, signature, b"manifest!")
    assert not verify_signature(SigningKey.generate().public_key, signature, b"manifest")
    assert not verify_signature(key.public_key, b"short", b"manifest")
    assert not verify_signature(b"not a key", signature, b"manifest")


def test_from_seed_refuses_wrong_length():
    with pytest.raises(ValueError):
        SigningKey.from_seed(b"short")


def test_seal_to_opens_only_with_the_right_key_and_info(site):
    blob = seal_to(site.public.encryption_public, b"secret", b"info")
    assert site.open_sealed(blob, b"info") == b"secret"
    with pytest.raises(CryptoError):
        site.open_sealed(blob, b"other info")
    with pytest.raises(CryptoError):
        SiteKeys.generate("X", "x").open_sealed(blob, b"info")
    with pytest.raises(CryptoError):
        site.open_sealed(blob[:-1] + bytes([blob[-1] ^ 1]), b"info")
    with pytest.raises(CryptoError):
        site.open_sealed(b"tiny", b"info")


def test_site_signature_verifies_with_its_public_key(site):
    assert verify_signature(site.public.signing_public, site.sign(b"x"), b"x")


def test_site_public_json_round_trip(site):
    assert SitePublic.from_json(json.loads(json.dumps(site.public.to_json()))) == site.public
    with pytest.raises(CryptoError):
        SitePublic.from_json({"site_id": "x"})


def test_key_file_round_trip_mode_and_public_read(site, tmp_path):
    path = tmp_path / "keys" / "site.json"
    site.save(path, "correct horse", FAST)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert SiteKeys.load_public(path) == site.public
    loaded = SiteKeys.load(path, "correct horse")
    assert loaded.public == site.public
    blob = loaded.field_cipher().encrypt(b"110101199003071234", "candidate.id_number")
    assert site.field_cipher().decrypt(blob, "candidate.id_number") == b"110101199003071234"
    assert "correct horse" not in path.read_text() and site.field_cipher() is not None
    assert not list(path.parent.glob("*.tmp"))


def test_key_file_wrong_passphrase_and_damage(site, tmp_path):
    path = tmp_path / "site.json"
    site.save(path, "right", FAST)
    with pytest.raises(WrongPassphrase):
        SiteKeys.load(path, "wrong")
    document = json.loads(path.read_text())
    private = bytearray(document["private"].encode())
    private[5] = ord("A") if private[5] != ord("A") else ord("B")
    document["private"] = private.decode()
    path.write_text(json.dumps(document))
    with pytest.raises(CryptoError):
        SiteKeys.load(path, "right")
    document = json.loads(path.read_text())
    document["public"]["site_name"] = "冒名考点"
    path.write_text(json.dumps(document))
    with pytest.raises(CryptoError):
        SiteKeys.load(path, "right")
    path.write_text("{not json")
    with pytest.raises(CryptoError):
        SiteKeys.load_public(path)
    with pytest.raises(CryptoError) as missing:
        SiteKeys.load_public(tmp_path / "absent.json")
    assert missing.value.code == "no_key_file"


def test_key_file_refuses_hostile_kdf_parameters(site, tmp_path):
    path = tmp_path / "site.json"
    site.save(path, "right", FAST)
    document = json.loads(path.read_text())
    document["kdf"]["n"] = 2**40
    path.write_text(json.dumps(document))
    with pytest.raises(CryptoError):
        SiteKeys.load(path, "right")


def test_change_passphrase(site, tmp_path):
    path = tmp_path / "site.json"
    site.save(path, "old", FAST)
    SiteKeys.load(path, "old").change_passphrase(path, "new", FAST)
    assert SiteKeys.load(path, "new").public == site.public
    with pytest.raises(WrongPassphrase):
        SiteKeys.load(path, "old")


def test_field_cipher_context_and_tampering():
    cipher = FieldCipher(bytes(range(32)))
    blob = cipher.encrypt(b"photo bytes", "candidate.photo")
    assert blob[0] == 1 and cipher.decrypt(blob, "candidate.photo") == b"photo bytes"
    assert cipher.encrypt(b"photo bytes", "candidate.photo") != blob
    with pytest.raises(CryptoError):
        cipher.decrypt(blob, "candidate.id_number")
    with pytest.raises(CryptoError):
        cipher.decrypt(blob[:-1] + bytes([blob[-1] ^ 0x80]), "candidate.photo")
    with pytest.raises(CryptoError):
        cipher.decrypt(b"\x02" + blob[1:], "candidate.photo")
    with pytest.raises(CryptoError):
        FieldCipher(bytes(32)).decrypt(blob, "candidate.photo")


def test_blind_index_is_keyed_deterministic_and_context_bound():
    cipher, other = FieldCipher(bytes(range(32))), FieldCipher(bytes(32))
    value = "11010119900307123X"
    assert cipher.blind_index(value, "candidate.id_number") == cipher.blind_index(value, "candidate.id_number")
    assert cipher.blind_index(value, "candidate.id_number") != other.blind_index(value, "candidate.id_number")
    assert cipher.blind_index(value, "candidate.id_number") != cipher.blind_index(value, "x")
    assert len(cipher.blind_index(value, "c")) == 64


@settings(max_examples=25, deadline=None)
@given(st.binary(max_size=200), st.text(max_size=20))
def test_field_cipher_round_trips_anything(plaintext, context):
    cipher = FieldCipher(bytes(range(32)))
    assert cipher.decrypt(cipher.encrypt(plaintext, context), context) == plaintext


def test_secret_hashes_verify_and_describe_themselves():
    stored = hash_secret("s3cret-密码", FAST)
    assert stored.startswith("scrypt$1024$8$1$")
    assert verify_secret("s3cret-密码", stored)
    assert not verify_secret("s3cret", stored)
    assert hash_secret("s3cret-密码", FAST) != stored
    assert needs_rehash(stored) and not needs_rehash(stored, FAST)


@pytest.mark.parametrize("stored", ["", "plain", "scrypt$1024$8$1$$", "bcrypt$1$2$3$AA==$AA==",
                                    "scrypt$1099511627776$8$1$AAAA$AAAA", "scrypt$x$8$1$AAAA$AAAA",
                                    "scrypt$1024$8$1$!!$AAAA"])
def test_verify_secret_is_false_for_unreadable_hashes(stored):
    assert verify_secret("anything", stored) is False


def test_production_parameters_stay_strong():
    assert ScryptParams().n >= 2**15 and ScryptParams().r >= 8
    with pytest.raises(ValueError):
        ScryptParams(n=1000).check()
    with pytest.raises(ValueError):
        ScryptParams(n=2**21).check()


def test_paper_needs_both_the_site_key_and_the_exam_password(site):
    blob = seal_paper(b"paper json", site.public.encryption_public, "12345678", b"aad", FAST)
    assert open_paper(blob, site, "12345678", b"aad") == b"paper json"
    assert open_paper(blob, site, " 1234 5678 ", b"aad") == b"paper json"
    with pytest.raises(WrongExamPassword):
        open_paper(blob, site, "12345679", b"aad")
    with pytest.raises(CryptoError):
        open_paper(blob, SiteKeys.generate("X", "x"), "12345678", b"aad")
    with pytest.raises(CryptoError):
        open_paper(blob, site, "12345678", b"other aad")


def test_paper_tampering_anywhere_is_crypto_error_not_wrong_password(site):
    blob = seal_paper(b"paper json" * 5, site.public.encryption_public, "12345678", b"aad", FAST)
    for position in range(0, len(blob), 7):
        altered = bytearray(blob)
        altered[position] ^= 0x01
        with pytest.raises(CryptoError):
            open_paper(bytes(altered), site, "12345678", b"aad")
    for cut in (0, 10, 60, len(blob) - 1):
        with pytest.raises(CryptoError):
            open_paper(blob[:cut], site, "12345678", b"aad")


def test_errors_are_known_errors_with_codes():
    assert CryptoError().code == "crypto" and WrongPassphrase().code == "wrong_passphrase"
    assert WrongExamPassword().code == "wrong_exam_password" and str(WrongPassphrase())
