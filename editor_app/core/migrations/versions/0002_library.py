"""library: notes, featured image assets, status history, revisions, search

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-29

The search index (SQLite FTS5 over normalised text) is filled by the app when it
opens a database whose index is behind (core.search), not here: migrations stay
free of application code.
"""
from alembic import op
import sqlalchemy as sa


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('assets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('filename', sa.String(length=300), nullable=False),
    sa.Column('mime_type', sa.String(length=100), nullable=False),
    sa.Column('data', sa.LargeBinary(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'sha256', name='uq_assets_article_sha256')
    )
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_assets_article_id'), ['article_id'], unique=False)

    op.create_table('revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('reason', sa.String(length=16), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('word_count', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_revisions_article_id'), ['article_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_revisions_created_at'), ['created_at'], unique=False)

    op.create_table('status_changes',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('from_status', sa.String(length=16), nullable=False),
    sa.Column('to_status', sa.String(length=16), nullable=False),
    sa.Column('changed_by', sa.String(length=200), nullable=False),
    sa.Column('changed_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_status_changes_article_id'), ['article_id'], unique=False)

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('notes', sa.Text(), server_default='', nullable=False))
        batch_op.add_column(sa.Column('featured_asset_id', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('featured_caption', sa.Text(), server_default='', nullable=False))
        batch_op.create_foreign_key('fk_articles_featured_asset', 'assets', ['featured_asset_id'], ['id'], ondelete='SET NULL')

    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.create_index('ix_articles_trashed_updated', ['trashed_at', 'updated_at'], unique=False)
        batch_op.create_index('ix_articles_trashed_title', ['trashed_at', 'title'], unique=False)

    if op.get_bind().dialect.name == "sqlite":
        op.execute(
            "CREATE VIRTUAL TABLE article_search USING fts5("
            "title, excerpt, tags, body, variants, tokenize = 'unicode61 remove_diacritics 2')"
        )
        # No merging on every write: an autosave stays ~3 ms instead of spiking to ~25 ms
        # when FTS5 merges segments; the app merges when the writer is idle (crisismerge
        # still bounds the number of segments).
        op.execute("INSERT INTO article_search (article_search, rank) VALUES ('automerge', 0)")



def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search")
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index('ix_articles_trashed_title')
        batch_op.drop_index('ix_articles_trashed_updated')
        batch_op.drop_constraint('fk_articles_featured_asset', type_='foreignkey')
        batch_op.drop_column('featured_caption')
        batch_op.drop_column('featured_asset_id')
        batch_op.drop_column('notes')

    with op.batch_alter_table('status_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_status_changes_article_id'))

    op.drop_table('status_changes')
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_revisions_created_at'))
        batch_op.drop_index(batch_op.f('ix_revisions_article_id'))

    op.drop_table('revisions')
    with op.batch_alter_table('assets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_assets_article_id'))

    op.drop_table('assets')
