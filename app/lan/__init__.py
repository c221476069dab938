"""The site host's LAN API for candidate terminals and scoring stations (FastAPI + uvicorn)."""
