"""sync: images, notes and publishing records travel; a conflict's base; ask-to-edit answers

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-02

`sync_articles.conflict_base`: when a push meets an overlapping change on the server, the
text both sides started from (title and body, JSON), so the desktop can offer the same
three-way merge dialog as a save in the window (ui.concurrency.sync_conflicts).

Images (assets), private notes and publishing records (remote_posts) are sent with their
article: a replica queues the article when one is added or changed (SQLite triggers, as
0008's), and the server gives the article a new change number when a note or a publishing
record changes (its assets already did, 0008).
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


_IS_REPLICA = ("EXISTS (SELECT 1 FROM sync_state WHERE key = 'server') "
               "AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')")
_ENQUEUE_ARTICLE = """INSERT INTO sync_queue (article_uuid, idempotency_key, deleted, state, attempts, last_error, queued_at)
    SELECT uuid, lower(hex(randomblob(16))), 0, 'pending', 0, '', datetime('now') FROM articles WHERE id = NEW.article_id
    ON CONFLICT(article_uuid) DO UPDATE SET idempotency_key = excluded.idempotency_key,
    deleted = excluded.deleted, attempts = 0, next_attempt_at = NULL,
    state = CASE WHEN sync_queue.state = 'conflict' THEN 'conflict' ELSE 'pending' END;"""
SQLITE_TRIGGERS = {
    "sync_queue_asset_insert": f"AFTER INSERT ON assets WHEN {_IS_REPLICA} BEGIN {_ENQUEUE_ARTICLE} END",
    "sync_queue_note_insert": f"AFTER INSERT ON private_notes WHEN {_IS_REPLICA} BEGIN {_ENQUEUE_ARTICLE} END",
    "sync_queue_note_update": f"AFTER UPDATE ON private_notes WHEN {_IS_REPLICA} BEGIN {_ENQUEUE_ARTICLE} END",
    "sync_queue_publication_insert": f"AFTER INSERT ON remote_posts WHEN {_IS_REPLICA} BEGIN {_ENQUEUE_ARTICLE} END",
    "sync_queue_publication_update": f"AFTER UPDATE ON remote_posts WHEN {_IS_REPLICA} BEGIN {_ENQUEUE_ARTICLE} END",
}
# Server: a note or a publishing record changed is a change to its article (0008's function).
POSTGRESQL_TRIGGERS = {
    "midad_sync_private_notes": "private_notes",
    "midad_sync_remote_posts": "remote_posts",
}


def upgrade() -> None:
    with op.batch_alter_table('sync_articles') as batch:
        batch.add_column(sa.Column('conflict_base', sa.Text(), nullable=False, server_default=''))
    # "Ask to edit" answered: the asking window, and the one declined (core.leases). Plain ADD
    # COLUMN: a batch copy would drop the change-feed triggers 0006 put on this table.
    op.add_column('article_leases', sa.Column('requested_holder', sa.String(length=64), nullable=False,
                                              server_default=''))
    op.add_column('article_leases', sa.Column('declined_holder', sa.String(length=64), nullable=False,
                                              server_default=''))
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name, body in SQLITE_TRIGGERS.items():
            op.execute(f"CREATE TRIGGER {name} {body}")
    elif dialect == "postgresql":
        for name, table in POSTGRESQL_TRIGGERS.items():
            op.execute(f"CREATE CONSTRAINT TRIGGER {name} AFTER INSERT OR UPDATE ON {table} "
                       "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION midad_sync_stamp()")


def downgrade() -> None:
    op.execute("ALTER TABLE article_leases DROP COLUMN declined_holder")  # (SQLite 3.35+: no batch copy)
    op.execute("ALTER TABLE article_leases DROP COLUMN requested_holder")
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for name, table in POSTGRESQL_TRIGGERS.items():
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    with op.batch_alter_table('sync_articles') as batch:
        batch.drop_column('conflict_base')
