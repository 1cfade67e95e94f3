"""Let `python -m reconcile` run the command line."""

from reconcile.cli import main

main()
