"""concurrency: the change sequence other processes follow, and editing leases

Revision ID: 0006
Revises: 0003
Create Date: 2026-12-02

Triggers number every change to an article (and to its lease) in `article_changes`, so a
window learns what another process or person changed without rereading the library
(core.changes). On PostgreSQL the same trigger also sends NOTIFY midad_changes.
"""
from alembic import op
import sqlalchemy as sa


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

# Only the newest changes matter to a running window; older numbers are dropped as new ones come.
KEEP_CHANGES = 10000

SQLITE_TRIGGERS = (
    """CREATE TRIGGER article_changes_insert AFTER INSERT ON articles BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (NEW.id, 'insert'); END""",
    """CREATE TRIGGER article_changes_update AFTER UPDATE ON articles BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (NEW.id,
           CASE WHEN NEW.trashed_at IS OLD.trashed_at THEN 'update' ELSE 'membership' END); END""",
    """CREATE TRIGGER article_changes_delete AFTER DELETE ON articles BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (OLD.id, 'delete'); END""",
    """CREATE TRIGGER article_changes_lease_insert AFTER INSERT ON article_leases BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (NEW.article_id, 'lease'); END""",
    """CREATE TRIGGER article_changes_lease_update AFTER UPDATE OF holder, requested_by ON article_leases BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (NEW.article_id, 'lease'); END""",
    """CREATE TRIGGER article_changes_lease_delete AFTER DELETE ON article_leases BEGIN
         INSERT INTO article_changes (article_id, kind) VALUES (OLD.article_id, 'lease'); END""",
    f"""CREATE TRIGGER article_changes_keep_recent AFTER INSERT ON article_changes BEGIN
         DELETE FROM article_changes WHERE seq <= NEW.seq - {KEEP_CHANGES}; END""",
)

# SECURITY DEFINER: the newsroom's people may read the sequence but not write it (the grants
# of core.server.security); every change they make is still numbered, by the owner's rights.
POSTGRESQL_FUNCTION = f"""
CREATE OR REPLACE FUNCTION midad_note_change() RETURNS trigger LANGUAGE plpgsql
SECURITY DEFINER SET search_path = public, pg_catalog AS $$
DECLARE
  changed_id integer;
  change_kind text;
  number bigint;
BEGIN
  IF TG_TABLE_NAME = 'article_leases' THEN
    change_kind := 'lease';
    changed_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.article_id ELSE NEW.article_id END;
  ELSIF TG_OP = 'INSERT' THEN
    change_kind := 'insert'; changed_id := NEW.id;
  ELSIF TG_OP = 'DELETE' THEN
    change_kind := 'delete'; changed_id := OLD.id;
  ELSE
    changed_id := NEW.id;
    change_kind := CASE WHEN NEW.trashed_at IS NOT DISTINCT FROM OLD.trashed_at THEN 'update' ELSE 'membership' END;
  END IF;
  INSERT INTO article_changes (article_id, kind) VALUES (changed_id, change_kind) RETURNING seq INTO number;
  DELETE FROM article_changes WHERE seq <= number - {KEEP_CHANGES};
  PERFORM pg_notify('midad_changes', changed_id || ' ' || number || ' ' || change_kind);
  RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table('article_changes',
    sa.Column('seq', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('seq')
    )
    op.create_index(op.f('ix_article_changes_article_id'), 'article_changes', ['article_id'], unique=False)
    op.create_table('article_leases',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=200), nullable=False),
    sa.Column('machine', sa.String(length=200), nullable=False),
    sa.Column('holder', sa.String(length=64), nullable=False),
    sa.Column('acquired_at', sa.DateTime(), nullable=False),
    sa.Column('heartbeat_at', sa.DateTime(), nullable=False),
    sa.Column('expires_at', sa.DateTime(), nullable=False),
    sa.Column('requested_by', sa.String(length=200), server_default='', nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index(op.f('ix_article_leases_expires_at'), 'article_leases', ['expires_at'], unique=False)
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        for statement in SQLITE_TRIGGERS:
            op.execute(statement)
    elif dialect == "postgresql":
        op.execute(POSTGRESQL_FUNCTION)
        op.execute("CREATE TRIGGER article_changes_articles AFTER INSERT OR UPDATE OR DELETE ON articles "
                   "FOR EACH ROW EXECUTE FUNCTION midad_note_change()")
        op.execute("CREATE TRIGGER article_changes_leases AFTER INSERT OR DELETE OR UPDATE OF holder, requested_by "
                   "ON article_leases FOR EACH ROW EXECUTE FUNCTION midad_note_change()")


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS article_changes_articles ON articles")
        op.execute("DROP TRIGGER IF EXISTS article_changes_leases ON article_leases")
        op.execute("DROP FUNCTION IF EXISTS midad_note_change()")
    op.drop_index(op.f('ix_article_leases_expires_at'), table_name='article_leases')
    op.drop_table('article_leases')
    op.drop_index(op.f('ix_article_changes_article_id'), table_name='article_changes')
    op.drop_table('article_changes')
