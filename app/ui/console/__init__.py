"""The console after log-in: one window per role, made of small panels."""
