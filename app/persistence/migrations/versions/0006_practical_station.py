"""practical station: notes, workpiece photos, outbox replay marks; several keys per examiner

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-23 09:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('station_note',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('updated_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_station_note_examiner_id_staff')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_station_note_sitting_id_sitting')),
    sa.ForeignKeyConstraint(['task_id'], ['practical_task.id'], name=op.f('fk_station_note_task_id_practical_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_note')),
    sa.UniqueConstraint('sitting_id', 'task_id', 'examiner_id', name=op.f('uq_station_note_sitting_id_task_id_examiner_id'))
    )
    op.create_table('workpiece_photo',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=False),
    sa.Column('photo_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('photo_sha256', sa.String(length=64), nullable=False),
    sa.Column('taken_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_workpiece_photo_examiner_id_staff')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_workpiece_photo_sitting_id_sitting')),
    sa.ForeignKeyConstraint(['task_id'], ['practical_task.id'], name=op.f('fk_workpiece_photo_task_id_practical_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_workpiece_photo'))
    )
    op.create_index(op.f('ix_workpiece_photo_sitting_id'), 'workpiece_photo', ['sitting_id'], unique=False)
    op.create_table('station_replay',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('outbox_id', sa.String(length=64), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=False),
    sa.Column('last_seq', sa.Integer(), nullable=False),
    sa.Column('updated_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_station_replay_examiner_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_station_replay')),
    sa.UniqueConstraint('outbox_id', name=op.f('uq_station_replay_outbox_id'))
    )
    with op.batch_alter_table('examiner_key', schema=None) as batch_op:
        batch_op.drop_constraint('uq_examiner_key_staff_id', type_='unique')
        batch_op.create_index(batch_op.f('ix_examiner_key_staff_id'), ['staff_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('examiner_key', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_examiner_key_staff_id'))
        batch_op.create_unique_constraint('uq_examiner_key_staff_id', ['staff_id'])
    op.drop_table('station_replay')
    op.drop_index(op.f('ix_workpiece_photo_sitting_id'), table_name='workpiece_photo')
    op.drop_table('workpiece_photo')
    op.drop_table('station_note')
