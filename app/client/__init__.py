"""HTTP clients of the site host's LAN API (terminals and stations); the only users of `requests` on the LAN."""
