"""The exam day run headless against the real services, with simulated people and devices."""
