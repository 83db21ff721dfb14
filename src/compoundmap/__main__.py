"""``python -m compoundmap``: the same command line as ``compoundmap`` (:mod:`compoundmap.cli`)."""

from .cli import main

if __name__ == "__main__":
    main()
