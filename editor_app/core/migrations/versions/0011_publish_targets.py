"""publish targets: a site's kind (wordpress, ghost) and options; opaque remote ids

Revision ID: 0011
Revises: 0008
Create Date: 2026-12-02

Ghost names posts and images by 24-hex object ids and image URLs, not numbers: the remote
post and media ids become text (WordPress's numbers are kept, as their decimal text).
"""
from alembic import op
import sqlalchemy as sa


revision = '0011'
down_revision = '0009'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('sites') as batch:
        batch.add_column(sa.Column('kind', sa.String(length=20), nullable=False, server_default='wordpress'))
        batch.add_column(sa.Column('options', sa.Text(), nullable=False, server_default='{}'))
    with op.batch_alter_table('remote_posts') as batch:
        batch.alter_column('remote_id', existing_type=sa.Integer(), type_=sa.String(length=64),
                           existing_nullable=False, postgresql_using='remote_id::text')
    with op.batch_alter_table('remote_media') as batch:
        batch.alter_column('media_id', existing_type=sa.Integer(), type_=sa.String(length=500),
                           existing_nullable=False, postgresql_using='media_id::text')


def downgrade() -> None:
    # Ghost's ids do not fit a number: their rows cannot survive the way back.
    op.execute("DELETE FROM remote_posts WHERE remote_id NOT GLOB '[0-9]*'" if op.get_bind().dialect.name == 'sqlite'
               else "DELETE FROM remote_posts WHERE remote_id !~ '^[0-9]+$'")
    op.execute("DELETE FROM remote_media WHERE media_id NOT GLOB '[0-9]*'" if op.get_bind().dialect.name == 'sqlite'
               else "DELETE FROM remote_media WHERE media_id !~ '^[0-9]+$'")
    with op.batch_alter_table('remote_media') as batch:
        batch.alter_column('media_id', existing_type=sa.String(length=500), type_=sa.Integer(),
                           existing_nullable=False, postgresql_using='media_id::integer')
    with op.batch_alter_table('remote_posts') as batch:
        batch.alter_column('remote_id', existing_type=sa.String(length=64), type_=sa.Integer(),
                           existing_nullable=False, postgresql_using='remote_id::integer')
    with op.batch_alter_table('sites') as batch:
        batch.drop_column('options')
        batch.drop_column('kind')
