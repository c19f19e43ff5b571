"""Names for the site kinds, statuses, outbox states and publish steps the publishing widgets show."""

from editor_app.core.publishing.target import Progress, PublishStep
from editor_app.ui.i18n import QT_TRANSLATE_NOOP, TranslatedLabels, translate

SITE_KIND_LABELS = TranslatedLabels("publishing_labels", {
    "wordpress": QT_TRANSLATE_NOOP("publishing_labels", "ووردبريس"),
    "ghost": QT_TRANSLATE_NOOP("publishing_labels", "Ghost"),
})
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

# Each step the core reports (core/publishing/target.PublishStep), in the window's language.
STEP_LABELS = {
    PublishStep.CHECKING: QT_TRANSLATE_NOOP("publishing_labels", "التحقق من المقال على الموقع…"),
    PublishStep.UPLOADING_IMAGE: QT_TRANSLATE_NOOP("publishing_labels", "رفع الصورة {number} من {total}…"),
    PublishStep.UPLOADING_FEATURED: QT_TRANSLATE_NOOP("publishing_labels", "رفع الصورة البارزة…"),
    PublishStep.TERMS: QT_TRANSLATE_NOOP("publishing_labels", "التصنيفات والوسوم…"),
    PublishStep.SENDING: QT_TRANSLATE_NOOP("publishing_labels", "إرسال المقال…"),
    PublishStep.PUBLISHED: QT_TRANSLATE_NOOP("publishing_labels", "نُشر"),
    PublishStep.TOOK_SITE_VERSION: QT_TRANSLATE_NOOP("publishing_labels", "أُخذت نسخة الموقع"),
    PublishStep.PULLING: QT_TRANSLATE_NOOP("publishing_labels", "قراءة المقال {number} من الموقع…"),
}


def step_label(progress: Progress) -> str:
    return translate("publishing_labels", STEP_LABELS[progress.step]).format(number=progress.number, total=progress.total)


def status_labels(statuses: tuple[str, ...]) -> list[tuple[str, str]]:
    """(status, its label) for the statuses a site's kind offers, in the usual order."""
    return [(key, label) for key, label in WORDPRESS_STATUS_LABELS.items() if key in statuses]
