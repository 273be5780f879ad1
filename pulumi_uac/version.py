"""The package's version (the one in ``pyproject.toml``): the plugin and the schema report it."""

__version__ = "0.1.0"
