"""check-in records and ticket tokens

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23 09:24:31.428510
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('checkin_record',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('decided_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('decided_by', sa.Integer(), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=False),
    sa.Column('method', sa.String(length=16), nullable=False),
    sa.Column('ticket_status', sa.String(length=32), nullable=False),
    sa.Column('card_match', sa.Boolean(), nullable=True),
    sa.Column('face_distance', sa.String(length=16), nullable=True),
    sa.Column('face_same', sa.Boolean(), nullable=True),
    sa.Column('face_consent', sa.Boolean(), nullable=False),
    sa.Column('visual_check', sa.Boolean(), nullable=False),
    sa.Column('late', sa.Boolean(), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('evidence_sealed', sa.LargeBinary(), nullable=True),
    sa.ForeignKeyConstraint(['decided_by'], ['staff.id'], name=op.f('fk_checkin_record_decided_by_staff')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_checkin_record_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_record'))
    )
    with op.batch_alter_table('checkin_record', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_record_sitting_id'), ['sitting_id'], unique=False)

    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.add_column(sa.Column('ticket_token', sa.Text(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_column('ticket_token')

    with op.batch_alter_table('checkin_record', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checkin_record_sitting_id'))

    op.drop_table('checkin_record')
