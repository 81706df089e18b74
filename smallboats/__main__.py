"""``python -m smallboats``: the same as the ``smallboats`` command."""

from .cli import main

main()
