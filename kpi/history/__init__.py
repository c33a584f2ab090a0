"""The plan in git: revisions, the diff between two of them, and the target policy."""
