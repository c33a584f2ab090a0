"""``python -m kpi`` runs the command-line tool."""

from kpi.cli import main

main()
