"""Names for the site statuses and outbox states the publishing widgets show."""

from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels

WORDPRESS_STATUS_LABELS = TranslatedLabels("publishing_labels", {
    "draft": QT_TRANSLATE_NOOP("publishing_labels", "مسودة على الموقع"),
    "pending": QT_TRANSLATE_NOOP("publishing_labels", "بانتظار المراجعة"),
    "publish": QT_TRANSLATE_NOOP("publishing_labels", "نشر الآن"),
    "future": QT_TRANSLATE_NOOP("publishing_labels", "نشر مجدول (في تاريخ النشر)"),
})
OUTBOX_STATE_LABELS = TranslatedLabels("publishing_labels", {
    "pending": QT_TRANSLATE_NOOP("publishing_labels", "ينتظر"),
    "refused": QT_TRANSLATE_NOOP("publishing_labels", "رفضه الموقع"),
    "done": QT_TRANSLATE_NOOP("publishing_labels", "نُشر"),
    "cancelled": QT_TRANSLATE_NOOP("publishing_labels", "أُلغي"),
})
