"""`python -m pipeline` is the `raadsstukken` command."""
from pipeline.cli import main

if __name__ == "__main__":
    main()
