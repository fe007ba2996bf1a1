"""Datasette configuration (``metadata.yml``) and the plugin that links items to their PDFs."""
