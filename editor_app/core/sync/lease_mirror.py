"""Leases through the local copy: the window takes and shows leases in its local library
(core.leases), as always; each sync round sends this desktop's leases to the server and copies
the others' live leases back («يحرّره الآن: …» in the list and the editor), so who is editing is
seen from the local copy. A lease someone else holds on the server replaces ours here: the
window's next heartbeat says it was taken (its unsaved text is kept as a revision) and turns
read-only — unless ours took the article over here from the very lease the server still
has: then it is taken over there too (its holder is told at its next heartbeat). An ask to
edit travels both ways. Expiry is the server's clock there, ours here."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from editor_app.core.leases import LEASE_DURATION, current_person
from editor_app.core.models import Article, ArticleLease, utc_now
from editor_app.core.sync.tables import SyncState

MIRROR = "mirror:"  # the holder of a lease copied from the server (never one of this desktop's windows)
REFRESH_MARGIN = timedelta(seconds=30)  # a copied lease is renewed here only when it gained this much
PUSHED = "lease_holders"  # SyncState: the holders this desktop put on the server (to remove them when released)
COPIED = "lease_copies"  # SyncState: {uuid: [server holder, local expiry]} of the leases copied here last time


def exchange_leases(engine) -> None:
    """One exchange (inside a round, the server reachable; ServerOffline ends it harmlessly)."""
    own, asks, uuids, pushed = _read_local(engine.local)
    answer = engine._server_call(_on_server, engine.server.database, own, asks, uuids, pushed)
    _write_local(engine.local, *answer)


def _read_local(local):
    now = utc_now()
    with local.transaction() as session:
        uuids = dict(session.execute(select(Article.id, Article.uuid)).all())
        rows = list(session.scalars(select(ArticleLease).where(ArticleLease.expires_at > now)))
        copied = session.get(SyncState, COPIED)
        copies = json.loads(copied.value) if copied and copied.value else {}
        own = [{"uuid": uuids[r.article_id], "holder": r.holder, "machine": r.machine, "left": r.expires_at - now,
                "takes_over": _taken_over(r, copies.get(uuids[r.article_id]))}
               for r in rows if not r.holder.startswith(MIRROR) and r.article_id in uuids]
        asks = [{"uuid": uuids[r.article_id], "holder": r.holder[len(MIRROR):], "by": r.requested_by}
                for r in rows if r.holder.startswith(MIRROR) and r.requested_by and r.article_id in uuids]
        state = session.get(SyncState, PUSHED)
        pushed = set(json.loads(state.value)) if state and state.value else set()
    return own, asks, set(uuids.values()), pushed


def _on_server(server, own, asks, uuids, pushed):
    """Returns (live leases of the copy's articles as {uuid: values}, asks for us {holder: person},
    the server's clock, the holders now put there)."""
    with server.transaction() as session:
        me = current_person(server)
        now: datetime = session.scalar(select(func.now()))
        ids = dict(session.execute(select(Article.uuid, Article.id).where(Article.uuid.in_(
            [lease["uuid"] for lease in own + asks]))).all()) if own or asks else {}
        holders = {lease["holder"] for lease in own}
        for lease in own:
            article_id = ids.get(lease["uuid"])
            if article_id is None:
                continue
            row = session.get(ArticleLease, article_id)
            if (row is not None and row.holder != lease["holder"] and row.expires_at > now
                    and row.holder != lease["takes_over"]):
                continue  # someone else's: copied back below, ours gives way
            if row is None:
                row = ArticleLease(article_id=article_id, holder=lease["holder"], acquired_at=now, requested_by="")
                session.add(row)
            elif row.holder != lease["holder"]:
                row.acquired_at, row.requested_by = now, ""  # taken over: its holder hears it at its heartbeat
            row.holder, row.person, row.machine = lease["holder"], me, lease["machine"]
            row.heartbeat_at, row.expires_at = now, now + min(lease["left"], LEASE_DURATION)
        gone = pushed - holders
        if gone:
            session.execute(delete(ArticleLease).where(ArticleLease.holder.in_(gone)))
        for ask in asks:
            row = session.get(ArticleLease, ids.get(ask["uuid"], -1))
            if row is not None and row.holder == ask["holder"]:
                row.requested_by = me
        session.flush()
        asked = {}
        live = {}
        for row, uuid in session.execute(select(ArticleLease, Article.uuid).join(Article, Article.id == ArticleLease.article_id)
                                         .where(ArticleLease.expires_at > now)):
            if uuid not in uuids:
                continue
            if row.holder in holders:
                if row.requested_by:
                    asked[row.holder] = row.requested_by
                    row.requested_by = ""
                continue
            live[uuid] = {"holder": row.holder, "person": row.person, "machine": row.machine,
                          "left": row.expires_at - now, "requested_by": row.requested_by}
        return live, asked, holders


def _write_local(local, live: dict[str, dict], asked: dict[str, str], holders: set[str]) -> None:
    """Mirror rows follow the server's leases; unchanged ones are left alone (each write is a
    change event the window's list and editor follow)."""
    now = utc_now()
    with local.transaction() as session:
        ids = dict(session.execute(select(Article.uuid, Article.id).where(Article.uuid.in_(list(live)))).all()) \
            if live else {}
        mirrors = {row.article_id: row for row in session.scalars(
            select(ArticleLease).where(ArticleLease.holder.like(MIRROR + "%")))}
        wanted = {ids[uuid]: values for uuid, values in live.items() if uuid in ids}
        for article_id, row in mirrors.items():
            if article_id not in wanted or row.holder != MIRROR + wanted[article_id]["holder"]:
                session.delete(row)
        session.flush()
        for article_id, values in wanted.items():
            expires = now + min(values["left"], LEASE_DURATION + timedelta(seconds=30))
            row = session.get(ArticleLease, article_id)
            if row is not None and row.holder == MIRROR + values["holder"]:
                if expires - row.expires_at > REFRESH_MARGIN:
                    row.expires_at, row.heartbeat_at = expires, now
                continue
            if row is not None:  # ours (taken while offline, or before the server's was copied): it gives way
                session.delete(row)
                session.flush()
            session.add(ArticleLease(article_id=article_id, holder=MIRROR + values["holder"], person=values["person"],
                                     machine=values["machine"], acquired_at=now, heartbeat_at=now,
                                     expires_at=expires, requested_by=""))
        for holder, person in asked.items():
            for row in session.scalars(select(ArticleLease).where(ArticleLease.holder == holder)):
                row.requested_by = person
        _remember_holders(session, holders)
        _remember(session, COPIED, json.dumps({uuid: [values["holder"], (now + values["left"]).isoformat()]
                                               for uuid, values in live.items()}))


def _taken_over(row: ArticleLease, copy: list | None) -> str:
    """The server holder our lease took the article from here (take over: made while the copied
    lease was live), or "" (acquired when free: gives way to a lease the server knew)."""
    if not copy:
        return ""
    holder, expires = copy
    acquired = row.acquired_at if row.acquired_at.tzinfo else row.acquired_at.replace(tzinfo=UTC)
    return holder if acquired < datetime.fromisoformat(expires) else ""


def _remember_holders(session: Session, holders: set[str]) -> None:
    _remember(session, PUSHED, json.dumps(sorted(holders)))


def _remember(session: Session, key: str, value: str) -> None:
    state = session.get(SyncState, key)
    if state is None:
        session.add(SyncState(key=key, value=value))
    else:
        state.value = value
