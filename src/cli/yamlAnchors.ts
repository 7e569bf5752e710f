/**
 * `check --yaml hub.yml`: the hub YAML a resource was created from, so that SARIF can point each finding at the line
 * that sets it (public access, the IP rules, the managed network), or at the hub's name for the others.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';
import type { FindingId } from '../model/assessment';
import { FileError } from './io';

export interface YamlAnchors {
  /** Relative to the working folder, with forward slashes (what code scanning expects). */
  readonly uri: string;
  /** The workspace name the file sets, if any. */
  readonly name: string | undefined;
  /** The 1-based line a finding of this id belongs on. */
  lineFor(id: FindingId): number;
}

/** Hub YAML files are small; a bigger one is not a hub YAML. */
const MAX_BYTES = 1024 * 1024;

const KEY_OF: Partial<Record<FindingId, readonly string[]>> = {
  'public-network-access-enabled': ['public_network_access'],
  'no-private-endpoint': ['public_network_access'],
  'ip-rules-ignored': ['network_acls', 'ip_rules'],
  'ip-rule-reserved-range': ['network_acls', 'ip_rules'],
  'ip-rules-unreadable': ['network_acls'],
  'fqdn-rules-ignored': ['managed_network'],
};

export function readYamlAnchors(file: string, cwd: string): YamlAnchors {
  const absolute = path.resolve(cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(absolute);
  } catch (error) {
    throw new FileError(`--yaml ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
  }
  if (bytes.length > MAX_BYTES) throw new FileError(`--yaml ${file}: ${bytes.length} bytes is too big for a hub YAML.`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new FileError(`--yaml ${file}: not UTF-8 text.`);
  }
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const root = document.contents;
  const lineOf = (node: Node | null | undefined): number | undefined =>
    node?.range ? lineCounter.linePos(node.range[0]).line : undefined;
  const keyLine = (keys: readonly string[]): number | undefined => {
    let current: unknown = root;
    let line: number | undefined;
    for (const key of keys) {
      if (!isMap(current)) return line;
      const pair = current.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
      if (!pair) return line;
      line = lineOf(pair.key as Node) ?? line;
      current = pair.value;
    }
    return line;
  };
  const nameNode = isMap(root) ? root.items.find((item) => isScalar(item.key) && item.key.value === 'name') : undefined;
  const name = nameNode && isScalar(nameNode.value) ? String(nameNode.value.value) : undefined;
  const nameLine = keyLine(['name']) ?? 1;
  return {
    uri: path.relative(cwd, absolute).split(path.sep).join('/'),
    name,
    lineFor: (id) => {
      const keys = KEY_OF[id];
      return (keys && keyLine(keys)) ?? nameLine;
    },
  };
}
