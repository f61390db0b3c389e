"""`python -m raadsstukken` is the `raadsstukken` command."""
from raadsstukken.pipeline.cli import main

if __name__ == "__main__":
    main()
