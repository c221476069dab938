"""Benchmarks run on purpose (`examsite bench …`); each ends with one line of JSON of its figures."""
