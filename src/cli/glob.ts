/**
 * File glob expansion for the CLI, through tinyglobby (the walk, and picomatch for the matching). Quoted patterns
 * behave the same in every shell (Windows shells do not expand globs at all).
 *
 * Only `*`, `**` and `?` are wildcards: every other character is matched literally, so a file name never turns into
 * an extglob or a brace range. Symbolic links are never followed nor listed: a link loop cannot make a walk endless,
 * and a glob never reaches a file outside the folder it walks.
 */
import * as path from 'node:path';
import { escapePath, globSync } from 'tinyglobby';
import { UsageError } from './io';

export function isGlob(pattern: string): boolean {
  return pattern.includes('*') || pattern.includes('?');
}

/**
 * picomatch turns each `*` of a segment into a lazy `[^/]*?`; k of them in one segment cost up to n^k steps on a name
 * of n characters. Two keep the worst case at 255² steps (255 is the longest file name), and cover `*-hub-*.yaml`.
 */
export const MAX_STARS_PER_SEGMENT = 2;

// Folders that a `**` never walks into unless the pattern names them.
const SKIPPED_FOLDERS = ['node_modules', '.git'];

/** Files matching the pattern, relative to `cwd` unless the pattern is absolute; sorted. */
export function expandGlob(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/');
  const segments = normalized.split('/');
  const firstGlob = segments.findIndex(isGlob);
  const base = segments.slice(0, firstGlob).join('/');
  const baseDirectory = path.resolve(cwd, base === '' && normalized.startsWith('/') ? '/' : base || '.');
  const globSegments = segments.slice(firstGlob);
  for (const segment of globSegments) checkSegment(segment, pattern);
  const named = new Set(globSegments);
  const matches = globSync(globSegments.map(escapeLiterals).join('/'), {
    cwd: baseDirectory,
    absolute: true,
    followSymbolicLinks: false,
    expandDirectories: false,
    extglob: false,
    braceExpansion: false,
    ignore: SKIPPED_FOLDERS.filter((folder) => !named.has(folder)).map((folder) => `**/${folder}/**`),
  }).map((file) => path.normalize(file));
  const relativeBase = path.isAbsolute(pattern) ? '' : cwd;
  return matches.map((file) => (relativeBase ? path.relative(relativeBase, file) || file : file)).sort();
}

function checkSegment(segment: string, pattern: string): void {
  if (segment === '**') return;
  let stars = 0;
  for (const character of segment) if (character === '*') stars++;
  if (segment.includes('**')) {
    throw new UsageError(`"**" must be a whole path segment in "${pattern}", as in "a/**/b.yaml".`);
  }
  if (stars > MAX_STARS_PER_SEGMENT) {
    throw new UsageError(
      `"${segment}" in "${pattern}" has ${stars} "*"; a glob segment may hold at most ${MAX_STARS_PER_SEGMENT}.`,
    );
  }
}

/** Escapes everything but `*` and `?` (and a whole `**` segment) for picomatch. */
function escapeLiterals(segment: string): string {
  if (segment === '**') return segment;
  let escaped = '';
  let literal = '';
  for (const character of segment) {
    if (character === '*' || character === '?') {
      escaped += escapePath(literal) + character;
      literal = '';
    } else {
      literal += character;
    }
  }
  return escaped + escapePath(literal);
}
