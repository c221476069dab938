"""The candidate in front of the desk and the evidence gathered so far (no Qt)."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.services.checkin import CheckinOutcome, DeskCandidate, Evidence, Method


@dataclass
class DeskCase:
    candidate: DeskCandidate
    method: Method
    ticket_status: str = "not_scanned"
    card_id_number: str | None = None
    card_match: bool | None = None
    capture: np.ndarray | None = field(default=None, repr=False)  # the frozen live frame, BGR
    roster_photo: np.ndarray | None = field(default=None, repr=False)  # BGR, None until loaded or unreadable
    face_same: bool | None = None
    face_distance: float | None = None
    face_problem: str = ""  # why no comparison could be made (no face, library missing…)
    outcome: CheckinOutcome | None = None
    busy: bool = False

    @property
    def open(self) -> bool:
        """Still to be decided here: not yet decided and expected at the door."""
        return self.outcome is None and self.candidate.status == "expected"

    def evidence(self, consent: bool, visual_check: bool, photo_jpeg: bytes | None) -> Evidence:
        return Evidence(method=self.method, ticket_status=self.ticket_status, card_id_number=self.card_id_number,
                        face_consent=consent,
                        face_distance=self.face_distance if consent else None,
                        face_same=self.face_same if consent else None,
                        visual_check=visual_check, photo_jpeg=photo_jpeg)
