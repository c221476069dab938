"""The site database schema. Importing this package registers every table on `Base.metadata`."""

from app.persistence.models.base import Base
from app.persistence.models.checkin import CheckinRecord
from app.persistence.models.evidence import (
    AuditCheckpoint,
    AuditEvent,
    AuditHead,
    Incident,
    OutboxItem,
    Segment,
)
from app.persistence.models.lan import LanDevice, LanEnrolmentCode, LanSession
from app.persistence.models.people import Candidate, Duty, Sitting, Staff
from app.persistence.models.plan import ExamPackageRecord, ExamPlanRecord, ExamSession, Room, SiteInfo
from app.persistence.models.practical import (
    ExaminerKey,
    PracticalTaskRecord,
    RubricItemRecord,
    ScoreResolution,
    ScoreSheet,
    Signature,
)
from app.persistence.models.results import CandidateResult, ResultsSeal
from app.persistence.models.station import StationNote, StationReplay, WorkpiecePhoto
from app.persistence.models.theory import Answer, ItemRecord, PaperRecord
from app.persistence.models.video import Camera, RecordingControl

__all__ = [
    "Answer",
    "AuditCheckpoint",
    "AuditEvent",
    "AuditHead",
    "Base",
    "Camera",
    "Candidate",
    "CandidateResult",
    "CheckinRecord",
    "Duty",
    "ExamPackageRecord",
    "ExaminerKey",
    "ExamPlanRecord",
    "ExamSession",
    "Incident",
    "ItemRecord",
    "LanDevice",
    "LanEnrolmentCode",
    "LanSession",
    "OutboxItem",
    "PaperRecord",
    "PracticalTaskRecord",
    "RecordingControl",
    "ResultsSeal",
    "Room",
    "RubricItemRecord",
    "ScoreResolution",
    "ScoreSheet",
    "Segment",
    "Signature",
    "SiteInfo",
    "Sitting",
    "Staff",
    "StationNote",
    "StationReplay",
    "WorkpiecePhoto",
]
