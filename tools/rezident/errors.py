"""Errors that carry where they happened and what to do about them."""

from __future__ import annotations

from pathlib import Path


class RezidentError(Exception):
    """An error a person can act on: names the file, the line and the remedy.

    The CLI prints ``str(error)`` as one line and exits with ``exit_code``.
    """

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None,
                 line: int | None = None, column: int | None = None,
                 hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = Path(path) if path is not None else None
        self.line = line
        self.column = column
        self.hint = hint

    def location(self) -> str:
        parts = [str(self.path)] if self.path is not None else []
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)

    def __str__(self) -> str:
        where = self.location()
        text = f"{where}: error: {self.message}" if where else f"error: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


class ConfigError(RezidentError):
    """The edition's configuration is missing or wrong (a usage error)."""

    exit_code = 2
