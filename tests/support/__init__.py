"""Helpers for the test suite: the throwaway PostgreSQL cluster and leaked-thread detection."""
