"""Immutable records of the workflow, safe to hand across threads and to print as JSON."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime


def _when(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()


@dataclass(frozen=True)
class StageRecord:
    id: int
    desk_id: int
    desk: str
    name: str
    position: int
    required_role: str
    sets_status: str | None

    @property
    def path(self) -> str:
        return f"{self.desk}/{self.name}"

    def to_json_dict(self) -> dict:
        return {"id": self.id, "desk": self.desk, "name": self.name, "position": self.position,
                "required_role": self.required_role, "sets_status": self.sets_status}


@dataclass(frozen=True)
class DeskRecord:
    id: int
    name: str
    stages: tuple[StageRecord, ...]
    members: tuple[str, ...] = ()  # logins told of what is sent to the desk's stages without a person

    def to_json_dict(self) -> dict:
        return {"id": self.id, "name": self.name, "stages": [stage.to_json_dict() for stage in self.stages],
                "members": list(self.members)}


@dataclass(frozen=True)
class PlacementRecord:
    article_id: int
    stage: StageRecord
    person: str | None
    person_name: str | None
    sent_by: str
    sent_at: datetime
    message: str

    def to_json_dict(self) -> dict:
        return {"article_id": self.article_id, "desk": self.stage.desk, "stage": self.stage.name,
                "person": self.person, "person_name": self.person_name, "sent_by": self.sent_by,
                "sent_at": _when(self.sent_at), "message": self.message}


@dataclass(frozen=True)
class EventRecord:
    id: int
    uuid: str
    article_id: int | None
    kind: str
    actor: str
    actor_name: str
    target: str | None
    target_name: str | None
    payload: dict
    created_at: datetime

    def to_json_dict(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "kind": self.kind, "actor": self.actor,
                "actor_name": self.actor_name, "target": self.target, "target_name": self.target_name,
                "payload": self.payload, "created_at": _when(self.created_at)}


@dataclass(frozen=True)
class NotificationRecord:
    id: int
    event: EventRecord
    read: bool
    article_title: str

    def to_json_dict(self) -> dict:
        return {**self.event.to_json_dict(), "id": self.id, "event_id": self.event.id, "read": self.read,
                "article_title": self.article_title}


@dataclass(frozen=True)
class AssignmentRecord:
    id: int
    uuid: str
    title: str
    desk: str | None
    desk_id: int | None
    person: str | None
    person_name: str | None
    deadline: datetime | None
    expected_words: int
    notes: str
    article_id: int | None
    article_status: str | None
    late: bool

    def to_json_dict(self) -> dict:
        return {"id": self.id, "uuid": self.uuid, "title": self.title, "desk": self.desk, "person": self.person,
                "person_name": self.person_name, "deadline": _when(self.deadline),
                "expected_words": self.expected_words, "notes": self.notes, "article_id": self.article_id,
                "article_status": self.article_status, "late": self.late}


def loads_payload(text: str | None) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}
