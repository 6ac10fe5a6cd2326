"""`python -m bot` runs the same command line as `smm`."""

from bot.cli import main

main()
