"""reconcile: align the language versions of a story and flag what would mislead a reader."""

__version__ = "0.1.0"
