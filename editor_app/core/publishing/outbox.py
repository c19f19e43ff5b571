"""Publishes that could not be done when asked: kept in the database, retried with
exponential backoff and jitter (honouring Retry-After), after a restart too.

A site that is unreachable (no network, timeout, reset, 5xx, 429) is retried; a site
that refuses (401, 403, validation) is not: the job waits, with the site's message,
until the writer fixes the cause and asks for a retry.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import select

from editor_app.core.errors import MidadError, Text
from editor_app.core.models import Article, OutboxJob, OutboxState, Site, utc_now
from editor_app.core.publishing.publisher import ConflictChoice, PublishConflict, Publisher, PublishOutcome
from editor_app.core.publishing.errors import SiteUnreachable
from editor_app.core.storage import Database

FIRST_DELAY_SECONDS = 30.0
LONGEST_DELAY_SECONDS = 3600.0
JITTER = 0.2


def backoff_seconds(attempts: int, retry_after: float | None = None, rng: random.Random | None = None) -> float:
    """30 s, 1 min, 2 min ... up to an hour, ±20 % so that many writers do not retry in step."""
    base = min(LONGEST_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** max(0, attempts - 1))
    delay = base * (1 + (rng or random).uniform(-JITTER, JITTER))
    return max(delay, retry_after or 0.0)


def stored_error(error: BaseException) -> str:
    """An error as the outbox keeps it: its template and values (JSON), so that the window
    can show it in its own language later and the CLI in English."""
    text = getattr(error, "text", None)
    if not isinstance(text, Text):
        text = Text("{message}", message=str(error))
    return json.dumps(_text_as_data(text), ensure_ascii=False)


def _text_as_data(text: Text) -> dict:
    return {"template": text.template,
            "values": {name: _text_as_data(value) if isinstance(value, Text) else str(value)
                       for name, value in text.values.items()}}


def _data_as_text(data: object) -> Text:
    if not isinstance(data, dict) or not isinstance(data.get("template"), str) or not isinstance(data.get("values"), dict):
        raise ValueError("not a stored message")
    return Text(data["template"], **{name: _data_as_text(value) if isinstance(value, dict) else str(value)
                                     for name, value in data["values"].items()})


def error_text(stored: str) -> Text:
    """The stored error as a Text (an older Midad stored the English sentence itself)."""
    try:
        text = _data_as_text(json.loads(stored))
        str(text)  # every placeholder has its value
        return text
    except (ValueError, KeyError, IndexError, RecursionError):
        return Text("{message}", message=stored)


@dataclass(frozen=True)
class OutboxEntry:
    id: int
    article_id: int
    article_title: str
    site: str
    requested_status: str
    state: str
    attempts: int
    last_error: str
    created_at: datetime
    next_attempt_at: datetime
    last_error_text: Text = field(default_factory=lambda: Text(""), compare=False)  # for the window's language

    def to_json_dict(self) -> dict:
        return {"id": self.id, "article_id": self.article_id, "title": self.article_title, "site": self.site,
                "status": self.requested_status, "state": self.state, "attempts": self.attempts,
                "last_error": self.last_error, "next_attempt_at": self.next_attempt_at.isoformat()}


@dataclass(frozen=True)
class RetryResult:
    job_id: int
    article_id: int
    outcome: PublishOutcome | None
    error: str = ""


class Outbox:
    def __init__(self, database: Database) -> None:
        self.database = database

    def enqueue(self, article_id: int, site_id: int, status: str, error: SiteUnreachable) -> OutboxEntry:
        """One job per article and site: a newer request replaces the waiting one."""
        with self.database.transaction() as session:
            job = session.scalar(select(OutboxJob).where(
                OutboxJob.article_id == article_id, OutboxJob.site_id == site_id,
                OutboxJob.state.in_([OutboxState.PENDING.value, OutboxState.REFUSED.value])))
            if job is None:
                job = OutboxJob(article_id=article_id, site_id=site_id, attempts=0)
                session.add(job)
            job.requested_status, job.state = status, OutboxState.PENDING.value
            job.attempts += 1
            self._schedule(job, stored_error(error), error.retry_after)
            session.flush()
            return self._entry(session, job)

    @staticmethod
    def _schedule(job: OutboxJob, error: str, retry_after: float | None) -> None:
        now = utc_now()
        job.last_error, job.updated_at = error, now
        job.next_attempt_at = now + timedelta(seconds=backoff_seconds(job.attempts, retry_after))

    def entries(self, *, include_finished: bool = False) -> list[OutboxEntry]:
        with self.database.transaction() as session:
            query = (select(OutboxJob, Article.title, Site.name)
                     .join(Article, Article.id == OutboxJob.article_id).join(Site, Site.id == OutboxJob.site_id)
                     .order_by(OutboxJob.created_at))
            if not include_finished:
                query = query.where(OutboxJob.state.in_([OutboxState.PENDING.value, OutboxState.REFUSED.value]))
            return [self._entry_from(job, title, site) for job, title, site in session.execute(query)]

    def retry_now(self, job_id: int) -> None:
        with self.database.transaction() as session:
            job = self._job(session, job_id)
            job.state, job.next_attempt_at = OutboxState.PENDING.value, utc_now()

    def cancel(self, job_id: int) -> None:
        with self.database.transaction() as session:
            job = self._job(session, job_id)
            job.state, job.updated_at = OutboxState.CANCELLED.value, utc_now()

    def run_due(self, publisher: Publisher, *, everything: bool = False,
                cancelled: Callable[[], bool] | None = None) -> list[RetryResult]:
        """Try the jobs whose time has come (all pending ones with everything=True)."""
        now = utc_now()
        due = [e for e in self.entries() if e.state == OutboxState.PENDING.value and
               (everything or e.next_attempt_at <= now)]
        results = []
        for entry in due:
            if cancelled and cancelled():
                break
            results.append(self._attempt(publisher, entry))
        return results

    def _attempt(self, publisher: Publisher, entry: OutboxEntry) -> RetryResult:
        try:
            outcome = publisher.publish(entry.article_id, entry.site, status=entry.requested_status or None,
                                        on_conflict=ConflictChoice.STOP)
        except SiteUnreachable as error:
            with self.database.transaction() as session:
                job = self._job(session, entry.id)
                job.attempts += 1
                self._schedule(job, stored_error(error), error.retry_after)
            return RetryResult(entry.id, entry.article_id, None, str(error))
        except (PublishConflict, MidadError) as error:
            with self.database.transaction() as session:
                job = self._job(session, entry.id)
                job.state, job.last_error, job.updated_at = OutboxState.REFUSED.value, stored_error(error), utc_now()
            return RetryResult(entry.id, entry.article_id, None, str(error))
        with self.database.transaction() as session:
            job = self._job(session, entry.id)
            job.state, job.last_error, job.updated_at = OutboxState.DONE.value, "", utc_now()
        return RetryResult(entry.id, entry.article_id, outcome)

    @staticmethod
    def _job(session, job_id: int) -> OutboxJob:
        job = session.get(OutboxJob, job_id)
        if job is None:
            raise MidadError(f"there is no outbox job {job_id}")
        return job

    @staticmethod
    def _entry(session, job: OutboxJob) -> OutboxEntry:
        title = session.scalar(select(Article.title).where(Article.id == job.article_id)) or ""
        site = session.scalar(select(Site.name).where(Site.id == job.site_id)) or ""
        return Outbox._entry_from(job, title, site)

    @staticmethod
    def _entry_from(job: OutboxJob, title: str, site: str) -> OutboxEntry:
        text = error_text(job.last_error or "")
        return OutboxEntry(job.id, job.article_id, title or "", site or "", job.requested_status, job.state,
                           job.attempts, str(text), job.created_at, job.next_attempt_at, text)


@dataclass(frozen=True)
class Queued:
    entry: OutboxEntry


def publish_or_queue(publisher: Publisher, outbox: Outbox, article_id: int, site_name: str, *,
                     status: str | None = None, on_conflict: ConflictChoice = ConflictChoice.STOP,
                     progress=None, cancelled=None) -> PublishOutcome | Queued:
    """Publish now; if the site cannot be reached, keep the request in the outbox."""
    try:
        return publisher.publish(article_id, site_name, status=status, on_conflict=on_conflict,
                                 progress=progress, cancelled=cancelled)
    except SiteUnreachable as error:
        site = publisher.sites.get(site_name)
        return Queued(outbox.enqueue(article_id, site.id, status or "", error))
