"""lan devices

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 09:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('lan_enrolment_code',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('proof_key', sa.String(length=64), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=True),
    sa.Column('issued_by', sa.Integer(), nullable=False),
    sa.Column('issued_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('used_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['issued_by'], ['staff.id'], name=op.f('fk_lan_enrolment_code_issued_by_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lan_enrolment_code')),
    sa.UniqueConstraint('proof_key', name=op.f('uq_lan_enrolment_code_proof_key'))
    )
    op.create_table('lan_device',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('room_code', sa.String(length=32), nullable=True),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('enrolled_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('code_id', sa.Integer(), nullable=False),
    sa.Column('revoked_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['code_id'], ['lan_enrolment_code.id'], name=op.f('fk_lan_device_code_id_lan_enrolment_code')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lan_device')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_lan_device_token_sha256'))
    )
    op.create_table('lan_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('subject', sa.String(length=120), nullable=False),
    sa.Column('device_id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('expires_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['device_id'], ['lan_device.id'], name=op.f('fk_lan_session_device_id_lan_device')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lan_session')),
    sa.UniqueConstraint('token_sha256', name=op.f('uq_lan_session_token_sha256'))
    )
    op.create_index(op.f('ix_lan_session_kind'), 'lan_session', ['kind'], unique=False)
    op.create_index(op.f('ix_lan_session_subject'), 'lan_session', ['subject'], unique=False)


def downgrade() -> None:
    op.drop_index(op.f('ix_lan_session_subject'), table_name='lan_session')
    op.drop_index(op.f('ix_lan_session_kind'), table_name='lan_session')
    op.drop_table('lan_session')
    op.drop_table('lan_device')
    op.drop_table('lan_enrolment_code')
