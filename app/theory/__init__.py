"""Pure rules of the theory exam (no database): timing, per-candidate shuffling, grading, item statistics."""
