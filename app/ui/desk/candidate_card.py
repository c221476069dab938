"""The candidate on the desk: who they are, the photos side by side, and each piece of evidence."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QCheckBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from app.services.checkin import DeskCandidate
from app.services.overview import mask_id_number
from app.ui import labels

PHOTO_HEIGHT = 150
ROSTER_SIZE = (114, PHOTO_HEIGHT)
CAPTURE_SIZE = (200, PHOTO_HEIGHT)
CARD_PHOTO_SIZE = (102, PHOTO_HEIGHT)

GOOD, BAD, NEUTRAL = "success", "error", "muted"


class Picture(QFrame):
    """A photo with its caption; shows a short text when there is no photo."""

    def __init__(self, caption: str, size: tuple[int, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.image = QLabel()
        self.image.setObjectName("portrait")
        self.image.setFixedSize(*size)
        self.image.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.image.setWordWrap(True)
        self.caption = QLabel(caption)
        self.caption.setObjectName("muted")
        self.caption.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addWidget(self.image)
        layout.addWidget(self.caption)

    def show_image(self, image: QImage | None, text: str = "") -> None:
        if image is None or image.isNull():
            self.image.clear()
            self.image.setText(text)
            return
        self.image.setPixmap(QPixmap.fromImage(image).scaled(
            self.image.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation))

    @property
    def has_image(self) -> bool:
        pixmap = self.image.pixmap()
        return pixmap is not None and not pixmap.isNull()


class CandidateCard(QFrame):
    """Filled piece by piece as the evidence arrives; `clear()` empties it for the next candidate."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.name = QLabel()
        self.name.setStyleSheet("font-size: 17pt; font-weight: 600; color: #1b2a38;")
        self.details = QLabel()
        self.details.setObjectName("muted")
        self.details.setWordWrap(True)
        self.place = QLabel()
        self.place.setStyleSheet("font-size: 12pt; font-weight: 600; color: #1f5f99;")
        self.place.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.state = QLabel()
        self.state.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.roster_photo = Picture(self.tr("Roster photo"), ROSTER_SIZE)
        self.capture = Picture(self.tr("Live capture"), CAPTURE_SIZE)
        self.card_photo = Picture(self.tr("ID card photo"), CARD_PHOTO_SIZE)

        self.ticket = QLabel()
        self.card = QLabel()
        self.face = QLabel()
        for value in (self.ticket, self.card, self.face):
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.consent = QCheckBox(self.tr("Candidate consents to face verification"))
        self.consent.setChecked(True)
        self.visual_check = QCheckBox(self.tr("Visual check: I compared the face with the photos myself"))

        head = QGridLayout()
        head.setHorizontalSpacing(12)
        head.addWidget(self.name, 0, 0)
        head.addWidget(self.place, 0, 1)
        head.addWidget(self.details, 1, 0)
        head.addWidget(self.state, 1, 1)
        head.setColumnStretch(0, 1)

        photos = QHBoxLayout()
        photos.setSpacing(10)
        photos.addWidget(self.roster_photo)
        photos.addWidget(self.capture)
        photos.addWidget(self.card_photo)
        photos.addStretch(1)

        facts = QGridLayout()
        facts.setHorizontalSpacing(12)
        facts.setVerticalSpacing(5)
        for row, (title, value) in enumerate(((self.tr("Admission ticket"), self.ticket),
                                              (self.tr("ID card"), self.card),
                                              (self.tr("Face"), self.face))):
            name = QLabel(title)
            name.setObjectName("muted")
            facts.addWidget(name, row, 0, Qt.AlignmentFlag.AlignTop)
            facts.addWidget(value, row, 1)
        facts.setColumnStretch(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(8)
        layout.addLayout(head)
        layout.addLayout(photos)
        layout.addLayout(facts)
        layout.addWidget(self.consent)
        layout.addWidget(self.visual_check)
        self.clear()

    # -- filling -------------------------------------------------------------------------------
    def clear(self) -> None:
        self.candidate: DeskCandidate | None = None
        self.name.setText(self.tr("No candidate"))
        self.details.setText(self.tr("Show the ticket QR, scan it, place the ID card, or search."))
        self.place.clear()
        self.state.clear()
        self.roster_photo.show_image(None, "—")
        self.capture.show_image(None, "—")
        self.card_photo.show_image(None, "—")
        self._set(self.ticket, "—", NEUTRAL)
        self._set(self.card, "—", NEUTRAL)
        self._set(self.face, "—", NEUTRAL)
        self.visual_check.setChecked(False)
        self.consent.setChecked(True)

    def show_candidate(self, candidate: DeskCandidate) -> None:
        self.candidate = candidate
        self.name.setText(candidate.name)
        self.details.setText(self.tr("Ticket {ticket} · {gender} · ID {id}").format(
            ticket=candidate.ticket_no, gender=labels.gender(candidate.gender), id=candidate.id_masked))
        seat = "—" if candidate.seat_no is None else str(candidate.seat_no)
        self.place.setText(self.tr("{room} · seat {seat}").format(room=candidate.room_name, seat=seat))
        if candidate.status == "checked_in" and candidate.checked_in_at is not None:
            state = self.tr("Checked in at {time}").format(time=f"{labels.local_time(candidate.checked_in_at):%H:%M}")
        else:
            state = labels.sitting_status(candidate.status)
        self.state.setText(state)
        self.state.setObjectName(GOOD if candidate.status == "checked_in" else
                                 NEUTRAL if candidate.status == "expected" else BAD)
        self._restyle(self.state)
        self.roster_photo.show_image(None, self.tr("Loading…"))
        self.capture.show_image(None, self.tr("No live picture"))
        self.card_photo.show_image(None, self.tr("No card read"))
        self._set(self.card, self.tr("Not read"), NEUTRAL)
        self._set(self.face, self.tr("Not compared"), NEUTRAL)

    def show_decided(self, text: str, admitted: bool) -> None:
        self.state.setText(text)
        self.state.setObjectName(GOOD if admitted else BAD)
        self._restyle(self.state)

    def show_ticket(self, text: str, kind: str) -> None:
        self._set(self.ticket, text, kind)

    def show_card(self, name: str, id_number: str, match: bool | None, photo: QImage | None, note: str) -> None:
        number = mask_id_number(id_number) if len(id_number) >= 8 else id_number
        if match is None:
            verdict, kind = self.tr("checking…"), NEUTRAL
        elif match:
            verdict, kind = self.tr("matches the roster"), GOOD
        else:
            verdict, kind = self.tr("does NOT match the roster"), BAD
        self._set(self.card, self.tr("{name} · {number} · {verdict}").format(name=name, number=number,
                                                                               verdict=verdict), kind)
        self.card_photo.show_image(photo, note or self.tr("No photo decoded"))

    def show_face(self, text: str, kind: str) -> None:
        self._set(self.face, text, kind)

    def _set(self, label: QLabel, text: str, kind: str) -> None:
        label.setText(text)
        label.setObjectName(kind)
        self._restyle(label)

    @staticmethod
    def _restyle(label: QLabel) -> None:
        label.style().unpolish(label)
        label.style().polish(label)
