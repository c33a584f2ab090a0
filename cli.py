"""Run kpi from a checkout without installing it: ``python cli.py report`` is ``kpi report``."""

from kpi.cli import main

if __name__ == "__main__":
    main()
