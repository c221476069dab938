"""Practical scoring: the rubric rules (`rules`) and the canonical, signed score sheet (`signing`)."""
