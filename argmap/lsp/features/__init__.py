"""The language server's features, one module each; each has ``register(server)``.

A request the server declines with a reason the user should read (a rename
to a title that is taken) raises :class:`RequestRefused`; editors show its
message. Any other exception is a bug and is logged as one.
"""

from __future__ import annotations

from pygls.exceptions import JsonRpcException


class RequestRefused(JsonRpcException):
    """The request cannot be done as asked; the message says why (LSP's RequestFailed)."""

    CODE = -32803
