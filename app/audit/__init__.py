"""The audit trail: an append-only hash chain of every state change, its head signed by the site.

`app.audit.chain` holds the pure hashing and verification; `app.audit.trail.AuditTrail` writes
events inside the caller's transaction.
"""
