"""Delivery to the provincial platform: the results envelope, receipts, the HTTP client and the worker.

Only this package (and app/client) imports `requests`; the pure modules (envelope, receipt,
files, export) are shared with the platform reference service in app/upstream. Import the
client and the worker by module path (`app.sync.client`, `app.sync.worker`): this package's
import stays free of `requests`.
"""
