"""results: candidate results with certificate numbers, and the seal of a plan

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-23 12:00:00
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('candidate_result',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.Column('theory_outcome', sa.String(length=16), nullable=True),
    sa.Column('theory_score', app.persistence.types.DecimalString(length=32), nullable=True),
    sa.Column('practical_outcome', sa.String(length=16), nullable=True),
    sa.Column('practical_score', app.persistence.types.DecimalString(length=32), nullable=True),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('certificate_no', sa.String(length=22), nullable=True),
    sa.Column('computed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('computed_by', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_candidate_result_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_candidate_result_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate_result')),
    sa.UniqueConstraint('certificate_no', name=op.f('uq_candidate_result_certificate_no')),
    sa.UniqueConstraint('plan_id', 'candidate_id', name=op.f('uq_candidate_result_plan_id_candidate_id'))
    )
    op.create_table('results_seal',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('sealed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('sealed_by', sa.String(length=64), nullable=False),
    sa.Column('document', sa.LargeBinary(), nullable=False),
    sa.Column('document_sha256', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.Column('audit_seq', sa.Integer(), nullable=False),
    sa.Column('audit_hash', sa.String(length=64), nullable=False),
    sa.Column('outbox_key', sa.String(length=64), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_results_seal_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_results_seal')),
    sa.UniqueConstraint('plan_id', name=op.f('uq_results_seal_plan_id'))
    )


def downgrade() -> None:
    op.drop_table('results_seal')
    op.drop_table('candidate_result')
