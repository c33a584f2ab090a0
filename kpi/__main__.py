"""``python -m kpi`` runs the command-line tool."""

from cli import main

main()
