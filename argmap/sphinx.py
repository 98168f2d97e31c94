"""The Sphinx extension's public name: ``extensions = ["argmap.sphinx"]``.

The directive itself lives in the embedding stage (``argmap.embed.sphinx``).
"""

from .embed.sphinx import setup

__all__ = ["setup"]
