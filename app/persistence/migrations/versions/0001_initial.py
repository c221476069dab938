"""initial schema

Revision ID: 0001
Revises: 
Create Date: 2026-11-23 08:44:11.582060
"""

from alembic import op
import sqlalchemy as sa
import app.persistence.types


revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('audit_checkpoint',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('signed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_checkpoint'))
    )
    op.create_table('audit_event',
    sa.Column('seq', sa.Integer(), autoincrement=False, nullable=False),
    sa.Column('at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('actor', sa.String(length=64), nullable=False),
    sa.Column('role', sa.String(length=32), nullable=False),
    sa.Column('action', sa.String(length=64), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('before', sa.Text(), nullable=False),
    sa.Column('after', sa.Text(), nullable=False),
    sa.Column('prev_hash', sa.String(length=64), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('seq', name=op.f('pk_audit_event'))
    )
    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.Column('signed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('signature', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.create_table('exam_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.String(length=64), nullable=False),
    sa.Column('manifest_sha256', sa.String(length=64), nullable=False),
    sa.Column('issuer_fingerprint', sa.String(length=120), nullable=False),
    sa.Column('issued_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('imported_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('imported_by', sa.String(length=64), nullable=False),
    sa.Column('stored_as', sa.String(length=500), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_package')),
    sa.UniqueConstraint('package_id', name=op.f('uq_exam_package_package_id'))
    )
    op.create_table('outbox',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('idempotency_key', sa.String(length=64), nullable=False),
    sa.Column('payload_path', sa.String(length=500), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.Column('acknowledged_bytes', sa.Integer(), nullable=False),
    sa.Column('next_attempt_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('last_error', sa.Text(), nullable=True),
    sa.Column('receipt', sa.LargeBinary(), nullable=True),
    sa.Column('created_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('delivered_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_outbox')),
    sa.UniqueConstraint('idempotency_key', name=op.f('uq_outbox_idempotency_key'))
    )
    op.create_table('site_info',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('site_id', sa.String(length=64), nullable=False),
    sa.Column('site_name', sa.String(length=200), nullable=False),
    sa.Column('signing_public', sa.String(length=64), nullable=False),
    sa.Column('encryption_public', sa.String(length=64), nullable=False),
    sa.Column('created_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_site_info')),
    sa.UniqueConstraint('site_id', name=op.f('uq_site_info_site_id'))
    )
    op.create_table('exam_plan',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('package_id', sa.Integer(), nullable=False),
    sa.Column('plan_code', sa.String(length=64), nullable=False),
    sa.Column('agency_code', sa.String(length=64), nullable=False),
    sa.Column('agency_name', sa.String(length=200), nullable=False),
    sa.Column('province_code', sa.String(length=8), nullable=False),
    sa.Column('occupation_code', sa.String(length=32), nullable=False),
    sa.Column('occupation_name', sa.String(length=200), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('exam_date', sa.Date(), nullable=False),
    sa.Column('rules', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['package_id'], ['exam_package.id'], name=op.f('fk_exam_plan_package_id_exam_package')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_plan')),
    sa.UniqueConstraint('plan_code', name=op.f('uq_exam_plan_plan_code'))
    )
    op.create_table('candidate',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('ticket_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('gender', sa.String(length=1), nullable=False),
    sa.Column('id_type', sa.String(length=32), nullable=False),
    sa.Column('id_number_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('id_number_index', sa.String(length=64), nullable=False),
    sa.Column('photo_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('photo_type', sa.String(length=32), nullable=False),
    sa.Column('photo_sha256', sa.String(length=64), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_candidate_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_candidate')),
    sa.UniqueConstraint('ticket_no', name=op.f('uq_candidate_ticket_no'))
    )
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_candidate_id_number_index'), ['id_number_index'], unique=False)

    op.create_table('exam_session',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('starts_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('paper_code', sa.String(length=32), nullable=True),
    sa.Column('task_codes', sa.JSON(), nullable=False),
    sa.Column('room_codes', sa.JSON(), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_exam_session_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_exam_session')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_exam_session_plan_id_code'))
    )
    op.create_table('paper',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('item_count', sa.Integer(), nullable=False),
    sa.Column('sealed_blob', sa.LargeBinary(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('opened_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_paper_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paper')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_paper_plan_id_code'))
    )
    op.create_table('practical_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('title', sa.String(length=200), nullable=False),
    sa.Column('time_limit_minutes', sa.Integer(), nullable=False),
    sa.Column('max_score', app.persistence.types.DecimalString(length=32), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_practical_task_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_practical_task')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_practical_task_plan_id_code'))
    )
    op.create_table('room',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('capacity', sa.Integer(), nullable=False),
    sa.Column('location', sa.String(length=200), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_room_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_room')),
    sa.UniqueConstraint('plan_id', 'code', name=op.f('uq_room_plan_id_code'))
    )
    op.create_table('staff',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_no', sa.String(length=32), nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('roles', sa.String(length=200), nullable=False),
    sa.Column('secret_hash', sa.String(length=200), nullable=True),
    sa.Column('secret_kind', sa.String(length=16), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_until', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('signing_public', sa.String(length=64), nullable=True),
    sa.Column('plan_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['plan_id'], ['exam_plan.id'], name=op.f('fk_staff_plan_id_exam_plan')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff')),
    sa.UniqueConstraint('staff_no', name=op.f('uq_staff_staff_no'))
    )
    op.create_table('item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('paper_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('stem', sa.Text(), nullable=False),
    sa.Column('choices', sa.JSON(), nullable=False),
    sa.Column('answer_key_sealed', sa.LargeBinary(), nullable=False),
    sa.Column('points', app.persistence.types.DecimalString(length=32), nullable=False),
    sa.ForeignKeyConstraint(['paper_id'], ['paper.id'], name=op.f('fk_item_paper_id_paper')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_item')),
    sa.UniqueConstraint('paper_id', 'code', name=op.f('uq_item_paper_id_code'))
    )
    op.create_table('rubric_item',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=32), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('max_points', app.persistence.types.DecimalString(length=32), nullable=False),
    sa.Column('step', app.persistence.types.DecimalString(length=32), nullable=False),
    sa.ForeignKeyConstraint(['task_id'], ['practical_task.id'], name=op.f('fk_rubric_item_task_id_practical_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_rubric_item')),
    sa.UniqueConstraint('task_id', 'code', name=op.f('uq_rubric_item_task_id_code'))
    )
    op.create_table('segment',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('camera', sa.String(length=64), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('path', sa.String(length=500), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('size_bytes', sa.Integer(), nullable=False),
    sa.Column('started_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ended_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_segment_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_segment_session_id_exam_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_segment'))
    )
    op.create_table('signature',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('purpose', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=100), nullable=False),
    sa.Column('signer_id', sa.Integer(), nullable=False),
    sa.Column('payload_sha256', sa.String(length=64), nullable=False),
    sa.Column('public_key', sa.String(length=64), nullable=False),
    sa.Column('signature', sa.LargeBinary(), nullable=False),
    sa.Column('handwriting', sa.LargeBinary(), nullable=True),
    sa.Column('signed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['signer_id'], ['staff.id'], name=op.f('fk_signature_signer_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_signature'))
    )
    op.create_table('sitting',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('candidate_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.Column('seat_no', sa.Integer(), nullable=True),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.Column('checked_in_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['candidate_id'], ['candidate.id'], name=op.f('fk_sitting_candidate_id_candidate')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_sitting_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_sitting_session_id_exam_session')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sitting')),
    sa.UniqueConstraint('candidate_id', 'session_id', name=op.f('uq_sitting_candidate_id_session_id')),
    sa.UniqueConstraint('session_id', 'room_id', 'seat_no', name=op.f('uq_sitting_session_id_room_id_seat_no'))
    )
    op.create_table('staff_duty',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('staff_id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_staff_duty_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_staff_duty_session_id_exam_session')),
    sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name=op.f('fk_staff_duty_staff_id_staff')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_staff_duty')),
    sa.UniqueConstraint('staff_id', 'session_id', 'room_id', name=op.f('uq_staff_duty_staff_id_session_id_room_id'))
    )
    op.create_table('answer',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('item_id', sa.Integer(), nullable=False),
    sa.Column('response', sa.JSON(), nullable=False),
    sa.Column('flagged', sa.Boolean(), nullable=False),
    sa.Column('revision', sa.Integer(), nullable=False),
    sa.Column('saved_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['item_id'], ['item.id'], name=op.f('fk_answer_item_id_item')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_answer_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_answer')),
    sa.UniqueConstraint('sitting_id', 'item_id', name=op.f('uq_answer_sitting_id_item_id'))
    )
    op.create_table('incident',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('session_id', sa.Integer(), nullable=False),
    sa.Column('room_id', sa.Integer(), nullable=True),
    sa.Column('sitting_id', sa.Integer(), nullable=True),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('recorded_by', sa.Integer(), nullable=False),
    sa.Column('recorded_at', app.persistence.types.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['recorded_by'], ['staff.id'], name=op.f('fk_incident_recorded_by_staff')),
    sa.ForeignKeyConstraint(['room_id'], ['room.id'], name=op.f('fk_incident_room_id_room')),
    sa.ForeignKeyConstraint(['session_id'], ['exam_session.id'], name=op.f('fk_incident_session_id_exam_session')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_incident_sitting_id_sitting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_incident'))
    )
    op.create_table('score_sheet',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sitting_id', sa.Integer(), nullable=False),
    sa.Column('task_id', sa.Integer(), nullable=False),
    sa.Column('examiner_id', sa.Integer(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('state', sa.String(length=16), nullable=False),
    sa.Column('entries', sa.Text(), nullable=False),
    sa.Column('total', app.persistence.types.DecimalString(length=32), nullable=False),
    sa.Column('reason', sa.Text(), nullable=True),
    sa.Column('supersedes_id', sa.Integer(), nullable=True),
    sa.Column('signed_at', app.persistence.types.UTCDateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['examiner_id'], ['staff.id'], name=op.f('fk_score_sheet_examiner_id_staff')),
    sa.ForeignKeyConstraint(['sitting_id'], ['sitting.id'], name=op.f('fk_score_sheet_sitting_id_sitting')),
    sa.ForeignKeyConstraint(['supersedes_id'], ['score_sheet.id'], name=op.f('fk_score_sheet_supersedes_id_score_sheet')),
    sa.ForeignKeyConstraint(['task_id'], ['practical_task.id'], name=op.f('fk_score_sheet_task_id_practical_task')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_score_sheet')),
    sa.UniqueConstraint('sitting_id', 'task_id', 'examiner_id', 'version', name=op.f('uq_score_sheet_sitting_id_task_id_examiner_id_version'))
    )


def downgrade() -> None:
    op.drop_table('score_sheet')
    op.drop_table('incident')
    op.drop_table('answer')
    op.drop_table('staff_duty')
    op.drop_table('sitting')
    op.drop_table('signature')
    op.drop_table('segment')
    op.drop_table('rubric_item')
    op.drop_table('item')
    op.drop_table('staff')
    op.drop_table('room')
    op.drop_table('practical_task')
    op.drop_table('paper')
    op.drop_table('exam_session')
    with op.batch_alter_table('candidate', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_candidate_id_number_index'))

    op.drop_table('candidate')
    op.drop_table('exam_plan')
    op.drop_table('site_info')
    op.drop_table('outbox')
    op.drop_table('exam_package')
    op.drop_table('audit_head')
    op.drop_table('audit_event')
    op.drop_table('audit_checkpoint')
