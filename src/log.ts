import * as vscode from 'vscode';

/** The extension's one output channel. A LogOutputChannel, so users pick the level; tokens never reach it. */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Foundry Network', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
