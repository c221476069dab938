"""Identity: who a candidate is (ID numbers; later face comparison)."""

from app.identity.idnumber import validate_id_number

__all__ = ["validate_id_number"]
