"""annotations: comments anchored to the text, suggested edits, a note on revisions

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-02

A comment thread and a suggestion each hold an anchor into the article's accepted text
(the stored body): offsets, the quoted text and a little context on each side, so that the
anchor can be found again after the text changed elsewhere (core.annotations.anchors).
Each row also has a uuid: its identity across a desktop replica and the server, for sync.
The newsroom's rights on these tables are applied by `midad server init`
(core.annotations.server_rights), like every other grant and policy.
"""
from alembic import op
import sqlalchemy as sa


revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None


def _anchor_columns() -> list[sa.Column]:
    return [
        sa.Column('anchor_start', sa.Integer(), nullable=False),
        sa.Column('anchor_end', sa.Integer(), nullable=False),
        sa.Column('quote', sa.Text(), nullable=False),
        sa.Column('context_before', sa.Text(), server_default='', nullable=False),
        sa.Column('context_after', sa.Text(), server_default='', nullable=False),
        sa.Column('orphaned', sa.Boolean(), server_default=sa.false(), nullable=False),
    ]


def upgrade() -> None:
    op.create_table('comment_threads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    *_anchor_columns(),
    sa.Column('resolved', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('resolved_by', sa.String(length=63), server_default='', nullable=False),
    sa.Column('resolved_at', sa.DateTime(), nullable=True),
    sa.Column('created_by', sa.String(length=63), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(op.f('ix_comment_threads_article_id'), 'comment_threads', ['article_id'], unique=False)
    op.create_table('comment_messages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('thread_id', sa.Integer(), nullable=False),
    sa.Column('author', sa.String(length=63), server_default='', nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('mentions', sa.Text(), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['thread_id'], ['comment_threads.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(op.f('ix_comment_messages_thread_id'), 'comment_messages', ['thread_id'], unique=False)
    op.create_table('suggestions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=8), nullable=False),
    *_anchor_columns(),
    sa.Column('author', sa.String(length=63), server_default='', nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('state', sa.String(length=10), server_default='pending', nullable=False),
    sa.Column('decided_by', sa.String(length=63), server_default='', nullable=False),
    sa.Column('decided_at', sa.DateTime(), nullable=True),
    sa.CheckConstraint("kind IN ('insert', 'delete')", name='ck_suggestions_kind'),
    sa.CheckConstraint("state IN ('pending', 'accepted', 'rejected')", name='ck_suggestions_state'),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(op.f('ix_suggestions_article_id'), 'suggestions', ['article_id'], unique=False)
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('note', sa.Text(), server_default='', nullable=False))


def downgrade() -> None:
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_column('note')
    op.drop_index(op.f('ix_suggestions_article_id'), table_name='suggestions')
    op.drop_table('suggestions')
    op.drop_index(op.f('ix_comment_messages_thread_id'), table_name='comment_messages')
    op.drop_table('comment_messages')
    op.drop_index(op.f('ix_comment_threads_article_id'), table_name='comment_threads')
    op.drop_table('comment_threads')
