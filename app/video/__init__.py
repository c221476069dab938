"""Video evidence without Qt or media libraries: the session manifest and its verification (issue 5)."""
