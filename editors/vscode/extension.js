// The Argmap extension: the TextMate grammar colours the markup, and
// `argmap lsp` (the language server of the argmap package) does the rest:
// diagnostics, go to definition, references, hover, completion, rename,
// outline, formatting and quick fixes over every .argmap file of the workspace.
"use strict";

const vscode = require("vscode");
const { LanguageClient } = require("vscode-languageclient/node");

let client;

async function activate(context) {
  const [command, ...args] = vscode.workspace.getConfiguration("argmap").get("server.command", ["argmap", "lsp"]);
  client = new LanguageClient(
    "argmap",
    "Argmap",
    { command, args },
    {
      documentSelector: [{ scheme: "file", language: "argmap" }, { scheme: "untitled", language: "argmap" }],
    },
  );
  try {
    await client.start();
  } catch (error) {
    vscode.window.showErrorMessage(
      `Argmap: cannot start \`${[command, ...args].join(" ")}\`: ${error.message}. ` +
        "Install the server with pip install 'argmap[lsp]', or set argmap.server.command.",
    );
  }
  context.subscriptions.push({ dispose: () => client && client.stop() });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
