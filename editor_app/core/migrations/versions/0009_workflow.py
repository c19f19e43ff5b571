"""workflow: desks and stages, where each article stands, the story budget, history, notifications

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-02

The rules of who may move an article into which stage are not here: on a newsroom server
`midad server init` applies them (core.workflow.server_rights), with the other grants.
"""
from alembic import op
import sqlalchemy as sa


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None

ROLES = "'writer', 'editor', 'chief', 'admin'"


def upgrade() -> None:
    op.create_table('desks',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('name')
    )
    op.create_table('desk_members',
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('login', sa.String(length=63), nullable=False),
    sa.ForeignKeyConstraint(['desk_id'], ['desks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('desk_id', 'login')
    )
    op.create_table('stages',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=200), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('required_role', sa.String(length=16), nullable=False),
    sa.Column('sets_status', sa.String(length=16), nullable=True),
    sa.CheckConstraint(f"required_role IN ({ROLES})", name='ck_stages_required_role'),
    sa.ForeignKeyConstraint(['desk_id'], ['desks.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('desk_id', 'name', name='uq_stages_desk_name')
    )
    op.create_index(op.f('ix_stages_desk_id'), 'stages', ['desk_id'], unique=False)
    op.create_table('article_workflow',
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('stage_id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=63), nullable=True),
    sa.Column('sent_by', sa.String(length=63), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=False),
    sa.Column('message', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['stage_id'], ['stages.id'], ondelete='RESTRICT'),
    sa.PrimaryKeyConstraint('article_id')
    )
    op.create_index(op.f('ix_article_workflow_stage_id'), 'article_workflow', ['stage_id'], unique=False)
    op.create_index(op.f('ix_article_workflow_person'), 'article_workflow', ['person'], unique=False)
    op.create_table('assignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('desk_id', sa.Integer(), nullable=True),
    sa.Column('person', sa.String(length=63), nullable=True),
    sa.Column('deadline', sa.DateTime(), nullable=True),
    sa.Column('expected_words', sa.Integer(), nullable=False),
    sa.Column('notes', sa.Text(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('created_by', sa.String(length=63), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['desk_id'], ['desks.id'], ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    for column in ('desk_id', 'person', 'deadline', 'article_id'):
        op.create_index(op.f(f'ix_assignments_{column}'), 'assignments', [column], unique=False)
    op.create_table('workflow_events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('actor', sa.String(length=63), nullable=False),
    sa.Column('target', sa.String(length=63), nullable=True),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('uuid')
    )
    op.create_index(op.f('ix_workflow_events_article_id'), 'workflow_events', ['article_id'], unique=False)
    op.create_index(op.f('ix_workflow_events_created_at'), 'workflow_events', ['created_at'], unique=False)
    op.create_table('notifications',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('person', sa.String(length=63), nullable=False),
    sa.Column('read_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['event_id'], ['workflow_events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('event_id', 'person', name='uq_notifications_event_person')
    )
    op.create_index(op.f('ix_notifications_event_id'), 'notifications', ['event_id'], unique=False)
    op.create_index(op.f('ix_notifications_person'), 'notifications', ['person'], unique=False)
    op.create_table('workflow_outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=36), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('payload', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('key')
    )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for function in ("midad_send_article(integer, integer, text, text, text)",
                         "midad_post_event(integer, text, text, text, text)",
                         "midad_start_assignment(text, integer)", "midad_note_assignment()",
                         "midad_stamp_assignment()", "midad_workflow_notice(integer, text[])",
                         "midad_notify_people(integer, text[], text)"):
            op.execute(f"DROP FUNCTION IF EXISTS {function} CASCADE")
    for table in ('workflow_outbox', 'notifications', 'workflow_events', 'assignments', 'article_workflow',
                  'stages', 'desk_members', 'desks'):
        op.drop_table(table)
