"""The language server (`argmap lsp`): diagnostics, navigation, completion,
rename and formatting for argument files, over the whole map of a workspace.

Needs the optional extra ``argmap[lsp]`` (pygls and lsprotocol); nothing
else in argmap imports this package.
"""
