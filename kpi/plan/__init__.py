"""Reading a plan: kpi.toml, the measure files, their validation and the parse cache."""
