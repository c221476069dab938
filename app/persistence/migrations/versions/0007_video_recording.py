"""video recording: the camera registry and operator controls of a room's recording

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-23 09:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('camera',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('camera_id', sa.String(length=64), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=False),
    sa.Column('main_url', sa.String(length=500), nullable=False),
    sa.Column('sub_url', sa.String(length=500), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('enabled', sa.Boolean(), nullable=False),
    sa.Column('added_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_camera')),
    sa.UniqueConstraint('camera_id', name=op.f('uq_camera_camera_id'))
    )
    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_camera_room_code'), ['room_code'], unique=False)

    op.create_table('recording_control',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_code', sa.String(length=64), nullable=False),
    sa.Column('session_code', sa.String(length=32), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=16), nullable=False),
    sa.Column('by_staff', sa.String(length=64), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_recording_control'))
    )
    with op.batch_alter_table('recording_control', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_recording_control_session_code'), ['session_code'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('recording_control', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_recording_control_session_code'))
    op.drop_table('recording_control')
    with op.batch_alter_table('camera', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_camera_room_code'))
    op.drop_table('camera')
