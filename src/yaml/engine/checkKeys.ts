/** Keys: repeated keys anywhere in a checked document, and keys azure-ai-ml does not know in our sections. */
import { type CheckContext, isMergePair } from './checkContext';
import { keyInfo, knownKeys, SECTION_LABEL, type Section } from './keys';
import { keyRange } from './yamlNodes';
import { type MapNode, type YamlNode, isMap, isScalar, isSeq } from './yamlTree';

/** Reports each repeated key after the first, in every mapping of the tree. */
export function checkDuplicateKeys(root: YamlNode, context: CheckContext): void {
  const pending: (YamlNode | null)[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      if (node.items.length > 1) reportRepeatedKeys(node, context);
      for (const pair of node.items) pending.push(pair.key, pair.value);
    } else if (isSeq(node)) {
      for (const item of node.items) pending.push(item);
    }
  }
}

function reportRepeatedKeys(map: MapNode, context: CheckContext): void {
  const seen = new Set<string>();
  for (const pair of map.items) {
    const key = pair.key;
    // Several `<<` merges in one mapping are allowed (PyYAML applies each).
    if (!isScalar(key) || key.value == null || typeof key.value === 'object' || isMergePair(pair)) continue;
    const identity = `${typeof key.value}:${String(key.value)}`;
    if (!seen.has(identity)) {
      seen.add(identity);
      continue;
    }
    context.report(
      'duplicate-key',
      keyRange(pair),
      `The key "${String(key.value)}" is repeated in this mapping; YAML keeps only the last one. ` +
        'Remove the repeated key, or make a list if you meant several values.',
    );
  }
}

/** Reports keys of `map` (merged ones included) that the section does not know. */
export function checkUnknownKeys(map: MapNode, section: Section, context: CheckContext): void {
  for (const pair of context.pairsOf(map)) {
    const key = pair.key;
    if (!isScalar(key) || key.value == null || isMergePair(pair)) continue;
    const name = String(key.value);
    if (keyInfo(section, name)) continue;
    context.report('unknown-key', keyRange(pair), unknownKeyMessage(name, section));
  }
}

function unknownKeyMessage(name: string, section: Section): string {
  if (section === 'ip_rule' && name === 'action') {
    return 'azure-ai-ml does not accept "action" in an IP rule: every rule allows its address. Remove "action".';
  }
  const known = knownKeys(section);
  const suggestion = closestKey(name, known);
  const hint = suggestion ? `Did you mean "${suggestion}"?` : `Known keys: ${known.join(', ')}.`;
  return `azure-ai-ml does not know the key "${name}" in ${SECTION_LABEL[section]} and rejects the file. ${hint}`;
}

/** A known key within a small edit distance, for typos like `default_acton`. */
function closestKey(name: string, known: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 4)) + 1;
  for (const candidate of known) {
    const distance = editDistance(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j] + 1, current[j - 1] + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length];
}
