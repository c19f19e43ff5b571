"""Arabic names for the site statuses and outbox states the publishing widgets show."""

WORDPRESS_STATUS_LABELS = {
    "draft": "مسودة على الموقع",
    "pending": "بانتظار المراجعة",
    "publish": "نشر الآن",
    "future": "نشر مجدول (في تاريخ النشر)",
}
OUTBOX_STATE_LABELS = {"pending": "ينتظر", "refused": "رفضه الموقع", "done": "نُشر", "cancelled": "أُلغي"}
