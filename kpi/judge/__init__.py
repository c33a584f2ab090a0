"""Judging progress: the assessment maths, the report and the review lists (pure, no I/O)."""
