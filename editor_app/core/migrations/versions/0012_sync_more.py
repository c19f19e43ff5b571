"""sync: the base of a conflict kept for the writer's merge dialog

Revision ID: 0012
Revises: 0008
Create Date: 2026-12-02

`sync_articles.conflict_base`: when a push meets an overlapping change on the server, the
text both sides started from (title and body, JSON), so the desktop can offer the same
three-way merge dialog as a save in the window (ui.concurrency.sync_conflicts).
"""
from alembic import op
import sqlalchemy as sa


revision = '0012'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sync_articles') as batch:
        batch.add_column(sa.Column('conflict_base', sa.Text(), nullable=False, server_default=''))


def downgrade() -> None:
    with op.batch_alter_table('sync_articles') as batch:
        batch.drop_column('conflict_base')
