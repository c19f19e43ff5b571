"""How the workflow's events read in the window: one translated sentence per kind, and the
names of roles and stages' paths. Events of kinds this module does not know (posted by
other parts of Midad later) still read as who did what."""

from __future__ import annotations

from editor_app.core.workflow.records import EventRecord, PlacementRecord
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, translate

ROLE_LABELS = TranslatedLabels("workflow", {
    "writer": QT_TRANSLATE_NOOP("workflow", "كاتب"),
    "editor": QT_TRANSLATE_NOOP("workflow", "محرر"),
    "chief": QT_TRANSLATE_NOOP("workflow", "رئيس تحرير"),
    "admin": QT_TRANSLATE_NOOP("workflow", "مدير"),
})

# Why the server refused a comment or suggestion made offline (core.annotations.replica.RULES).
REFUSAL_LABELS = TranslatedLabels("workflow", {
    "decided": QT_TRANSLATE_NOOP("workflow", "سبق أن بُتّ في هذا الاقتراح"),
    "resolve": QT_TRANSLATE_NOOP("workflow", "لا يغلق النقاش أو يعيد فتحه إلا صاحبه أو محرر"),
    "decide": QT_TRANSLATE_NOOP("workflow", "لا يقبل الاقتراح أو يرفضه إلا كاتب المقال أو محرر"),
    "text": QT_TRANSLATE_NOOP("workflow", "لا يغيّر نص الاقتراح إلا صاحبه"),
    "missing": QT_TRANSLATE_NOOP("workflow", "التعليق الذي يجيب عنه هذا الرد ليس على الخادم"),
})


def stage_path(desk: str | None, stage: str | None) -> str:
    if not desk:
        return stage or ""
    return translate("workflow", "{desk} › {stage}").format(desk=desk, stage=stage or "")


def placement_label(placement: PlacementRecord) -> str:
    where = stage_path(placement.stage.desk, placement.stage.name)
    if placement.person_name:
        return translate("workflow", "{where} · {person}").format(where=where, person=placement.person_name)
    return where


def describe(event: EventRecord) -> str:
    """One line: who did what («أرسله سمير إلى أخبار › تحرير، إلى هدى»)."""
    payload = event.payload
    who = event.actor_name or event.actor
    where = stage_path(payload.get("desk"), payload.get("stage"))
    if event.kind == "sent":
        if event.target_name:
            text = translate("workflow", "أرسله {who} إلى {where}، إلى {person}").format(
                who=who, where=where, person=event.target_name)
        else:
            text = translate("workflow", "أرسله {who} إلى {where}").format(who=who, where=where)
    elif event.kind == "assigned":
        text = translate("workflow", "أسند {who} إلى {person} القصة «{title}»").format(
            who=who, person=event.target_name or "", title=payload.get("title", ""))
    elif event.kind == "started":
        text = translate("workflow", "بدأ {who} كتابة «{title}»").format(who=who, title=payload.get("title", ""))
    elif event.kind == "send_refused":
        text = translate("workflow", "رفض الخادم إرساله دون اتصال إلى {where}: {reason}").format(
            where=where, reason=payload.get("reason", ""))
    elif event.kind == "annotation_refused":
        why = REFUSAL_LABELS.get(payload.get("rule") or "") or payload.get("reason", "")
        text = translate("workflow", "رفض الخادم ما فعلته دون اتصال في «{excerpt}»: {why}").format(
            excerpt=payload.get("excerpt", ""), why=why)
    elif event.kind == "mentioned":
        text = translate("workflow", "ذكرك {who} في تعليق").format(who=who)
    elif event.kind == "suggestion_accepted":
        text = translate("workflow", "قبل {who} اقتراحك").format(who=who)
    elif event.kind == "suggestion_rejected":
        text = translate("workflow", "رفض {who} اقتراحك").format(who=who)
    elif event.kind == "comment_resolved":
        text = translate("workflow", "أغلق {who} نقاشًا").format(who=who)
    elif event.kind == "lease_taken":
        text = translate("workflow", "تولّى {who} تحرير المقال").format(who=who)
    else:
        text = translate("workflow", "{who}: {kind}").format(who=who, kind=event.kind)
    message = payload.get("message") if event.kind in ("sent", "send_refused") else ""
    return translate("workflow", "{text}: «{message}»").format(text=text, message=message) if message else text
