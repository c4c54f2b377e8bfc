"""``python -m caseorg.cli``: the command line without the app's fast path (launch.py)."""

from caseorg.cli.app import main

if __name__ == "__main__":  # a module walk (tests, tools) may import this file
    main()
