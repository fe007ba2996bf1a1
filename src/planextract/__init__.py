"""planextract: goals, indicators, targets and activities from Swedish municipal plan PDFs."""

__version__ = "0.1.0"
