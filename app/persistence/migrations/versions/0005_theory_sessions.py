"""theory sessions

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23 09:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('theory_room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('phase', sa.String(length=16), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=True),
    sa.Column('duration_minutes', sa.Integer(), nullable=True),
    sa.Column('started_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('started_by', sa.String(length=64), nullable=True),
    sa.Column('paused_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('paused_seconds', sa.Integer(), nullable=False),
    sa.Column('pauses', sa.JSON(), nullable=False),
    sa.Column('ended_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('event_seq', sa.Integer(), nullable=False),
    sa.Column('leave_code', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['paper.id'], name=op.f('fk_theory_room_paper_id_paper')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_theory_room_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_theory_room_session_id_exam_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_room')),
    sa.UniqueConstraint('session_id', 'room_id', name=op.f('uq_theory_room_session_id_room_id'))
    )
    op.create_table('theory_event',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('theory_room_id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_theory_event_sitting_id_sitting')),
    sa.ForeignKeyConstraint(['theory_room_id'], ['theory_room.id'], name=op.f('fk_theory_event_theory_room_id_theory_room')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_event')),
    sa.UniqueConstraint('theory_room_id', 'seq', name=op.f('uq_theory_event_theory_room_id_seq'))
    )
    op.create_table('theory_sitting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('seed', sa.String(length=32), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=True),
    sa.Column('logins', sa.Integer(), nullable=False),
    sa.Column('logged_in_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_seen_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('offline_credit_seconds', sa.Integer(), nullable=False),
    sa.Column('time_change_seconds', sa.Integer(), nullable=False),
    sa.Column('last_revision', sa.Integer(), nullable=False),
    sa.Column('answered', sa.Integer(), nullable=False),
    sa.Column('submitted_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('submitted_how', sa.String(length=16), nullable=True),
    sa.Column('submitted_by', sa.String(length=64), nullable=True),
    sa.Column('digest', sa.String(length=64), nullable=True),
    sa.Column('voided', sa.Boolean(), nullable=False),
    sa.Column('score', app.persistence.types.DecimalString(length=32), nullable=True),
    sa.Column('max_score', app.persistence.types.DecimalString(length=32), nullable=True),
    sa.Column('graded_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_theory_sitting_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_sitting')),
    sa.UniqueConstraint('sitting_id', name=op.f('uq_theory_sitting_sitting_id'))
    )
    op.create_table('theory_report',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('theory_sitting_id', sa.Integer(), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('detail', sa.Text(), nullable=False),
    sa.Column('reported_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('terminal_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['theory_sitting_id'], ['theory_sitting.id'], name=op.f('fk_theory_report_theory_sitting_id_theory_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_report'))
    )
    with op.batch_alter_table('theory_report', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theory_report_theory_sitting_id'), ['theory_sitting_id'], unique=False)

    op.create_table('theory_time_change',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('theory_sitting_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('seconds', sa.Integer(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('staff_no', sa.String(length=64), nullable=False),
    sa.Column('at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['theory_sitting_id'], ['theory_sitting.id'], name=op.f('fk_theory_time_change_theory_sitting_id_theory_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_theory_time_change'))
    )
    with op.batch_alter_table('theory_time_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_theory_time_change_theory_sitting_id'), ['theory_sitting_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('theory_time_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theory_time_change_theory_sitting_id'))
    op.drop_table('theory_time_change')
    with op.batch_alter_table('theory_report', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_theory_report_theory_sitting_id'))
    op.drop_table('theory_report')
    op.drop_table('theory_sitting')
    op.drop_table('theory_event')
    op.drop_table('theory_room')
