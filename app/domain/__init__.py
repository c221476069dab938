"""The domain's words as plain Python: no Qt, no SQLAlchemy, no cryptography.

These dataclasses are the contract between the exam-package codec, the services and the
persistence layer.
"""
