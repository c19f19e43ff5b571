"""publishing: sites, remote posts and media, the outbox; the search index's term list

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-30

Site passwords are not here: they live in the OS keyring (core.publishing.credentials).
"""
from alembic import op
import sqlalchemy as sa


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sites',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('url', sa.String(length=500), nullable=False),
    sa.Column('username', sa.String(length=200), nullable=False),
    sa.Column('date_locale', sa.String(length=20), nullable=False),
    sa.Column('default_status', sa.String(length=16), nullable=False),
    sa.Column('default_category', sa.String(length=500), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('last_pulled_at', sa.DateTime(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('remote_posts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('remote_id', sa.Integer(), nullable=False),
    sa.Column('link', sa.Text(), nullable=False),
    sa.Column('remote_modified_gmt', sa.String(length=32), nullable=False),
    sa.Column('synced_version', sa.Integer(), nullable=False),
    sa.Column('synced_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id', 'site_id', name='uq_remote_posts_article_site')
    )
    op.create_index(op.f('ix_remote_posts_article_id'), 'remote_posts', ['article_id'], unique=False)
    op.create_index(op.f('ix_remote_posts_site_id'), 'remote_posts', ['site_id'], unique=False)
    op.create_table('remote_media',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('media_id', sa.Integer(), nullable=False),
    sa.Column('source_url', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('site_id', 'sha256', name='uq_remote_media_site_sha256')
    )
    op.create_index(op.f('ix_remote_media_site_id'), 'remote_media', ['site_id'], unique=False)
    op.create_table('outbox_jobs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.Integer(), nullable=False),
    sa.Column('requested_status', sa.String(length=16), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('last_error', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.Column('next_attempt_at', sa.DateTime(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['site_id'], ['sites.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index(op.f('ix_outbox_jobs_article_id'), 'outbox_jobs', ['article_id'], unique=False)
    op.create_index(op.f('ix_outbox_jobs_site_id'), 'outbox_jobs', ['site_id'], unique=False)
    op.create_index(op.f('ix_outbox_jobs_state'), 'outbox_jobs', ['state'], unique=False)
    if op.get_bind().dialect.name == "sqlite":
        # Every word the FTS5 index holds, so that a prefix being typed can be expanded to
        # its words cheaply (core.search); filled by the app like the index itself.
        op.execute("CREATE TABLE article_search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS article_search_terms")
    op.drop_table('outbox_jobs')
    op.drop_table('remote_media')
    op.drop_table('remote_posts')
    op.drop_table('sites')
