"""The candidate terminal's core: its views, journal and link to the site host (no Qt)."""
