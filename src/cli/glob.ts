/**
 * File glob expansion for the CLI. Node 20 has no fs.glob and we add no dependency for it: this small matcher
 * handles `*`, `**` and `?`, which is what lint patterns use. Quoted patterns then behave the same in every shell
 * (Windows shells do not expand globs at all).
 */
import { readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';

export function isGlob(pattern: string): boolean {
  return /[*?]/.test(pattern);
}

/** Converts one path segment pattern (`*.yaml`, `hub-?.yml`) to a regular expression. */
function segmentRegExp(segment: string): RegExp {
  let source = '';
  for (const char of segment) {
    if (char === '*') source += '[^/]*';
    else if (char === '?') source += '[^/]';
    else source += char.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

// Folders that a `**` never walks into unless the pattern names them.
const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);

/** Files matching the pattern, relative to `cwd` unless the pattern is absolute; sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const base = segments.slice(0, firstGlob).join('/');
  const baseDirectory = path.resolve(cwd, base === '' && normalized.startsWith('/') ? '/' : base || '.');
  const matches: string[] = [];
  walk(baseDirectory, segments.slice(firstGlob), matches);
  const relativeBase = path.isAbsolute(pattern) ? '' : cwd;
  return matches.map((file) => (relativeBase ? path.relative(relativeBase, file) || file : file)).sort();
}

function walk(directory: string, segments: readonly string[], matches: string[]): void {
  if (segments.length === 0) return;
  const [segment, ...rest] = segments;
  let entries: { name: string; isDirectory: boolean }[];
  try {
    entries = readdirSync(directory, { withFileTypes: true }).map((entry) => ({
      name: entry.name,
      isDirectory: isDirectory(directory, entry),
    }));
  } catch {
    return;
  }
  if (segment === '**') {
    walk(directory, rest, matches);
    for (const entry of entries) {
      if (entry.isDirectory && !SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.'))
        walk(path.join(directory, entry.name), segments, matches);
    }
    return;
  }
  const matcher = segmentRegExp(segment);
  for (const entry of entries) {
    if (!matcher.test(entry.name) || (entry.name.startsWith('.') && !segment.startsWith('.'))) continue;
    const full = path.join(directory, entry.name);
    if (rest.length === 0 && !entry.isDirectory) matches.push(full);
    else if (rest.length > 0 && entry.isDirectory) walk(full, rest, matches);
  }
}

function isDirectory(
  directory: string,
  entry: { name: string; isDirectory(): boolean; isSymbolicLink(): boolean },
): boolean {
  if (!entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return statSync(path.join(directory, entry.name)).isDirectory();
  } catch {
    return false;
  }
}
