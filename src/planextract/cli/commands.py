"""Imports every command module so that each adds its commands to the group."""

from . import ingest_cmd  # noqa: F401
from . import query_cmds  # noqa: F401
from . import eval_cmd  # noqa: F401
from . import compare_cmd  # noqa: F401
from . import train_cmd  # noqa: F401
