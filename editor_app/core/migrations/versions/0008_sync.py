"""sync: the server's change log in commit order, idempotent pushes, a desktop's replica state

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-02

Server (PostgreSQL): a commit-time trigger gives each changed article the next number of
`midad_sync_seq` in `sync_log` (a tombstone when deleted). Numbers are drawn under one
advisory lock taken at commit, so they become visible in order: a reader that has seen
number N never later finds a smaller one committed (a plain sequence set by an ordinary
trigger lets a slow transaction commit an older number after a newer one was read).

Replica (SQLite): triggers put every local change to an article (or a new revision of it)
into `sync_queue` in the same transaction, once the library is a replica (`sync_state`
has `server`), except while the sync engine applies what it pulled (`applying`).
"""
from alembic import op
import sqlalchemy as sa


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

SYNC_LOCK = 7301918  # the advisory lock that orders change numbers by commit

_IS_REPLICA = ("EXISTS (SELECT 1 FROM sync_state WHERE key = 'server') "
               "AND NOT EXISTS (SELECT 1 FROM sync_state WHERE key = 'applying')")
_ENQUEUE = """INSERT INTO sync_queue (article_uuid, idempotency_key, deleted, state, attempts, last_error, queued_at)
    {source} ON CONFLICT(article_uuid) DO UPDATE SET idempotency_key = excluded.idempotency_key,
    deleted = excluded.deleted, attempts = 0, next_attempt_at = NULL,
    state = CASE WHEN sync_queue.state = 'conflict' THEN 'conflict' ELSE 'pending' END;"""
_NEW_ENTRY = "lower(hex(randomblob(16))), {deleted}, 'pending', 0, '', datetime('now')"

SQLITE_TRIGGERS = (
    f"""CREATE TRIGGER sync_queue_article_insert AFTER INSERT ON articles WHEN {_IS_REPLICA} BEGIN
        {_ENQUEUE.format(source="VALUES (NEW.uuid, " + _NEW_ENTRY.format(deleted=0) + ")")} END""",
    f"""CREATE TRIGGER sync_queue_article_update AFTER UPDATE ON articles WHEN {_IS_REPLICA} BEGIN
        {_ENQUEUE.format(source="VALUES (NEW.uuid, " + _NEW_ENTRY.format(deleted=0) + ")")} END""",
    f"""CREATE TRIGGER sync_queue_revision_insert AFTER INSERT ON revisions WHEN {_IS_REPLICA} BEGIN
        {_ENQUEUE.format(source="SELECT uuid, " + _NEW_ENTRY.format(deleted=0) + " FROM articles WHERE id = NEW.article_id")} END""",
    # Deleted here: the server hears of it only when it knew the article.
    f"""CREATE TRIGGER sync_queue_article_delete AFTER DELETE ON articles WHEN {_IS_REPLICA} BEGIN
        DELETE FROM sync_queue WHERE article_uuid = OLD.uuid AND NOT EXISTS (SELECT 1 FROM sync_articles s
            WHERE s.article_uuid = OLD.uuid AND s.server_version IS NOT NULL);
        {_ENQUEUE.format(source="SELECT OLD.uuid, " + _NEW_ENTRY.format(deleted=1) + " WHERE EXISTS (SELECT 1 FROM sync_articles s WHERE s.article_uuid = OLD.uuid AND s.server_version IS NOT NULL)")} END""",
)

POSTGRESQL_STATEMENTS = (
    "CREATE SEQUENCE IF NOT EXISTS midad_sync_seq",
    f"""CREATE OR REPLACE FUNCTION midad_sync_stamp() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = public, pg_temp AS $$
    DECLARE
      changed_uuid text;
      gone boolean := false;
    BEGIN
      IF TG_TABLE_NAME = 'articles' THEN
        IF TG_OP = 'DELETE' THEN changed_uuid := OLD.uuid; gone := true; ELSE changed_uuid := NEW.uuid; END IF;
      ELSE
        SELECT uuid INTO changed_uuid FROM articles WHERE id = NEW.article_id;
        IF changed_uuid IS NULL THEN RETURN NULL; END IF;
      END IF;
      PERFORM pg_advisory_xact_lock({SYNC_LOCK});
      INSERT INTO sync_log (article_uuid, seq, deleted) VALUES (changed_uuid, nextval('midad_sync_seq'), gone)
        ON CONFLICT (article_uuid) DO UPDATE SET seq = EXCLUDED.seq, deleted = EXCLUDED.deleted;
      RETURN NULL;
    END $$""",
    "CREATE CONSTRAINT TRIGGER midad_sync_articles AFTER INSERT OR UPDATE OR DELETE ON articles "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION midad_sync_stamp()",
    "CREATE CONSTRAINT TRIGGER midad_sync_revisions AFTER INSERT ON revisions "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION midad_sync_stamp()",
    "CREATE CONSTRAINT TRIGGER midad_sync_assets AFTER INSERT ON assets "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION midad_sync_stamp()",
    # Articles that existed before: numbered once, in id order.
    "INSERT INTO sync_log (article_uuid, seq, deleted) SELECT uuid, nextval('midad_sync_seq'), false "
    "FROM articles ORDER BY id",
)


def upgrade() -> None:
    op.create_table('sync_log',
    sa.Column('article_uuid', sa.String(length=36), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.PrimaryKeyConstraint('article_uuid')
    )
    op.create_index(op.f('ix_sync_log_seq'), 'sync_log', ['seq'], unique=False)
    op.create_table('sync_pushes',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('article_uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=True),
    sa.Column('revision_map', sa.Text(), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_index(op.f('ix_sync_pushes_article_uuid'), 'sync_pushes', ['article_uuid'], unique=False)
    op.create_table('sync_state',
    sa.Column('key', sa.String(length=32), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('sync_articles',
    sa.Column('article_uuid', sa.String(length=36), nullable=False),
    sa.Column('server_version', sa.Integer(), nullable=True),
    sa.Column('base', sa.Text(), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('article_uuid')
    )
    op.create_table('sync_queue',
    sa.Column('article_uuid', sa.String(length=36), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('state', sa.String(length=16), server_default='pending', nullable=False),
    sa.Column('attempts', sa.Integer(), server_default='0', nullable=False),
    sa.Column('last_error', sa.Text(), server_default='', nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=True),
    sa.Column('sent_key', sa.String(length=64), server_default='', nullable=False),
    sa.Column('sent_fields', sa.Text(), server_default='', nullable=False),
    sa.PrimaryKeyConstraint('article_uuid')
    )
    op.create_table('sync_revisions',
    sa.Column('local_id', sa.Integer(), nullable=False),
    sa.Column('server_id', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('local_id'),
    sa.UniqueConstraint('server_id')
    )
    dialect = op.get_bind().dialect.name
    statements = SQLITE_TRIGGERS if dialect == "sqlite" else POSTGRESQL_STATEMENTS if dialect == "postgresql" else ()
    for statement in statements:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for name in ("sync_queue_article_insert", "sync_queue_article_update", "sync_queue_revision_insert",
                     "sync_queue_article_delete"):
            op.execute(f"DROP TRIGGER IF EXISTS {name}")
    elif dialect == "postgresql":
        for table, name in (("articles", "midad_sync_articles"), ("revisions", "midad_sync_revisions"),
                            ("assets", "midad_sync_assets")):
            op.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
        op.execute("DROP FUNCTION IF EXISTS midad_sync_stamp()")
        op.execute("DROP SEQUENCE IF EXISTS midad_sync_seq")
    for table in ("sync_revisions", "sync_queue", "sync_articles", "sync_state", "sync_pushes", "sync_log"):
        op.drop_table(table)
