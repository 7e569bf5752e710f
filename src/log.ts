import * as vscode from 'vscode';

/**
 * The extension's one output channel. A LogOutputChannel, so users pick the level; tokens never reach it.
 * Module-level state: it lives in the activation bundle alone, and the lazy bundles receive the channel (FeatureHost,
 * activateYamlFeatures). scripts/bundleOverlap.mjs fails the build if this module lands in a second bundle.
 */
let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('Foundry Network', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
