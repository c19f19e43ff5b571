"""people: who is who (people, private notes), who did what (created/updated by, assigned to)

Revision ID: 0005
Revises: 0003
Create Date: 2026-12-02

On PostgreSQL also the search index (a tsvector per article with a GIN index, core.server.search).
The newsroom's roles, grants and row-level security are not here: `midad server init`
applies them (core.server.security), since they name cluster-wide roles.
"""
from alembic import op
import sqlalchemy as sa


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('people',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.Column('display_name', sa.String(length=200), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('disabled', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint("role IN ('writer', 'editor', 'chief', 'admin')", name='ck_people_role'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('login')
    )
    op.create_table('private_notes',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('owner', sa.String(length=63), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('article_id', 'owner')
    )
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by', sa.String(length=63), server_default='', nullable=False))
        batch_op.add_column(sa.Column('updated_by', sa.String(length=63), server_default='', nullable=False))
        batch_op.add_column(sa.Column('assigned_to', sa.String(length=63), nullable=True))
        batch_op.create_index(batch_op.f('ix_articles_created_by'), ['created_by'], unique=False)
        batch_op.create_index(batch_op.f('ix_articles_assigned_to'), ['assigned_to'], unique=False)
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.add_column(sa.Column('created_by', sa.String(length=63), server_default='', nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        # Lexemes, positions and weights are made by Midad (core.server.search) from its own
        # Arabic normalisation, never by the server's parser, whose idea of a letter depends
        # on the cluster's locale. `document` (everything) is for matching; `heading` (title,
        # tags, excerpt: small enough to stay in the row) is for ranking.
        op.execute(
            "CREATE TABLE article_search ("
            " article_id integer PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,"
            " heading tsvector NOT NULL, document tsvector NOT NULL)")
        op.execute("CREATE INDEX ix_article_search_document ON article_search USING gin (document)")
        op.execute("CREATE INDEX ix_article_search_heading ON article_search USING gin (heading)")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TABLE IF EXISTS article_search")
    with op.batch_alter_table('revisions', schema=None) as batch_op:
        batch_op.drop_column('created_by')
    with op.batch_alter_table('articles', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_articles_assigned_to'))
        batch_op.drop_index(batch_op.f('ix_articles_created_by'))
        batch_op.drop_column('assigned_to')
        batch_op.drop_column('updated_by')
        batch_op.drop_column('created_by')
    op.drop_table('private_notes')
    op.drop_table('people')
