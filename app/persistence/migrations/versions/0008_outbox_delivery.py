"""outbox delivery: subject, payload digest, meta, updated_at; 64-bit sizes for large files

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-23 12:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.add_column(sa.Column('subject', sa.String(length=200), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('sha256', sa.String(length=64), nullable=False, server_default=''))
        batch_op.add_column(sa.Column('meta', sa.Text(), nullable=False, server_default='{}'))
        batch_op.add_column(sa.Column('updated_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.alter_column('size_bytes', existing_type=sa.Integer(), type_=sa.BigInteger(), existing_nullable=False)
        batch_op.alter_column('acknowledged_bytes', existing_type=sa.Integer(), type_=sa.BigInteger(),
                              existing_nullable=False)
        batch_op.create_index(batch_op.f('ix_outbox_state'), ['state'], unique=False)
    op.execute("UPDATE outbox SET state = 'queued' WHERE state = 'pending'")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.alter_column('subject', server_default=None)
        batch_op.alter_column('sha256', server_default=None)
        batch_op.alter_column('meta', server_default=None)


def downgrade() -> None:
    op.execute("UPDATE outbox SET state = 'pending' WHERE state = 'queued'")
    with op.batch_alter_table('outbox', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_outbox_state'))
        batch_op.alter_column('acknowledged_bytes', existing_type=sa.BigInteger(), type_=sa.Integer(),
                              existing_nullable=False)
        batch_op.alter_column('size_bytes', existing_type=sa.BigInteger(), type_=sa.Integer(), existing_nullable=False)
        batch_op.drop_column('updated_at')
        batch_op.drop_column('meta')
        batch_op.drop_column('sha256')
        batch_op.drop_column('subject')
