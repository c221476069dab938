"""`examsite bench checkin`: QR decoding per 1920×1080 frame, and one frame to a decision ready.

1. Decode: `decode_qr` on full-HD desk frames each holding one admission-ticket QR (real signed
   tokens of a demo site), repeated; p50/p95 ms per frame.
2. Check-in: from a camera frame to the candidate card ready for the proctor's decision on the
   desk: QR decoded, ticket authenticated and the candidate found in the database, the live face
   compared with the roster photo by the real dlib engine (a real portrait shipped by a PyPI
   package stands in for the candidate; the simulated engine when none is installed, and the
   JSON says so). The proctor's click then writes the decision; that write is timed too.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import numpy as np

from app.domain.roles import Role
from app.identity.face import compare_faces
from app.persistence import repositories
from app.services.auth import AuthService
from app.services.checkin import CheckinService, Decision, Evidence, Method
from app.simulation.demo_site import create_demo_site
from drivers.camera.desk_scene import desk_scene
from drivers.face import face_engine
from drivers.face.shipped import shipped_portrait
from drivers.scanner import decode_qr
from drivers.scanner.measure import decode_times

SESSION = "TH1"
FACE_AREA = 760  # px on the left of the frame where the candidate's face is


@dataclass
class Figures:
    decode_p50_ms: float
    decode_p95_ms: float
    checkin_p50_ms: float
    checkin_p95_ms: float
    decide_p50_ms: float
    frames: int
    trials: int
    face_engine: str


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _with_face(frame: np.ndarray, portrait: np.ndarray) -> np.ndarray:
    """The portrait (the candidate at the desk) pasted on the left of the frame, about 600 px high."""
    scale = 600 / portrait.shape[0]
    height, width = 600, int(portrait.shape[1] * scale)
    resized = portrait[np.linspace(0, portrait.shape[0] - 1, height).astype(int)][
        :, np.linspace(0, portrait.shape[1] - 1, width).astype(int)]
    out = frame.copy()
    out[240:240 + height, 60:60 + width] = resized
    return out


def run(trials: int = 30, repeats: int = 5, report=print) -> Figures:
    with tempfile.TemporaryDirectory(prefix="examsite-bench-") as root:
        demo = create_demo_site(Path(root) / "site", candidates=max(trials, 10))
        try:
            return _measure(demo, trials, repeats, report)
        finally:
            demo.site.close()


def _measure(demo, trials: int, repeats: int, report) -> Figures:
    site = demo.site
    auth = AuthService(site)
    proctor = next(auth.login(no, secret, role) for no, (role, secret) in demo.credentials.items()
                   if role is Role.PROCTOR)
    starts = _session_start(site)
    service = CheckinService(site, clock=lambda: starts - timedelta(minutes=30))
    tokens = _tokens(site, trials)
    portrait = shipped_portrait("astronaut")
    engine_name = "dlib" if portrait is not None else "sim"
    engine = face_engine(engine_name)
    frames = [desk_scene(token, None if portrait is not None else n + 1, seed=n, qr_min_x=FACE_AREA)
              for n, token in enumerate(tokens)]
    report(f"decoding {len(frames)} full-HD frames × {repeats}…")
    decode_ms = decode_times(frames, "auto", repeats)
    live = [_with_face(frame, portrait) for frame in frames] if portrait is not None else frames
    compare_faces(live[0], portrait if portrait is not None else live[0], engine=engine)  # load the models
    checkin_ms, decide_ms = [], []
    report(f"checking in {len(live)} candidates with the {engine_name} face engine…")
    for frame in live:
        began = time.perf_counter()
        token = decode_qr(frame)[0]
        found = service.scan_ticket(proctor, SESSION, token)
        match = compare_faces(frame, portrait if portrait is not None else frame, engine=engine)
        checkin_ms.append((time.perf_counter() - began) * 1000)
        evidence = Evidence(method=Method.TICKET, ticket_status="valid", face_consent=True,
                            face_distance=match.distance, face_same=match.same)
        began = time.perf_counter()
        service.decide(proctor, SESSION, found.ticket_no, Decision.CONFIRMED, evidence)
        decide_ms.append((time.perf_counter() - began) * 1000)
    return Figures(
        decode_p50_ms=round(statistics.median(decode_ms), 2), decode_p95_ms=round(p95(decode_ms), 2),
        checkin_p50_ms=round(statistics.median(checkin_ms), 1), checkin_p95_ms=round(p95(checkin_ms), 1),
        decide_p50_ms=round(statistics.median(decide_ms), 1), frames=len(decode_ms), trials=len(checkin_ms),
        face_engine=engine_name,
    )


def _tokens(site, count: int) -> list[str]:
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        rows = repositories.roster(session, plan.id)
        return [candidate.ticket_token for candidate, _, exam_session, _ in rows if exam_session.code == SESSION][:count]


def _session_start(site):
    with site.db.read() as session:
        plan = repositories.current_plan(session)
        return repositories.session_by_code(session, plan.id, SESSION).starts_at
