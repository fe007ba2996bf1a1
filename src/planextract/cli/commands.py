"""Imports every command module so that each adds its commands to the group."""

from . import ingest_cmd  # noqa: F401
