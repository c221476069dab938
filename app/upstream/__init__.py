"""The platform reference service: the provincial platform's side of packages and deliveries.

`platform.Platform` holds the platform's keys and its store (a folder); `app.create_app` serves
it over HTTP with FastAPI; `server.UpstreamServer` runs it with uvicorn. See docs/sync.md.
"""
