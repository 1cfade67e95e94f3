"""Test-wide settings: property tests draw the same examples on every run, so CI is repeatable."""

from hypothesis import settings

# A failure hypothesis finds must show on every run of the same code, not once in a while:
# CI gates publication, and a flaky gate teaches people to ignore it.
settings.register_profile("repeatable", derandomize=True, print_blob=True)
settings.load_profile("repeatable")
