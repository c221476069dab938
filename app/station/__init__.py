"""The examiner station's core: its views and its link to the site host (no Qt)."""
