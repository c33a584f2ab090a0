"""Editing measure files: log a figure, revise a target, scaffold a measure (tomlkit, safe writes)."""
