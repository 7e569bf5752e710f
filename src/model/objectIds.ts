/**
 * Microsoft Entra object ids (users, groups, managed identities) as the user types or pastes them: GUIDs, separated by
 * commas, spaces or new lines. Role assignments accept nothing else, so a typo is caught here instead of as a 400.
 */

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SEPARATORS = /[\s,;]+/;
const SHOWN_PROBLEMS = 3;
export const OBJECT_ID_EXAMPLE = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

export function isObjectId(text: string): boolean {
  return GUID.test(text);
}

/** Why one typed id is not an object id, or undefined when it is. */
export function objectIdProblem(text: string): string | undefined {
  if (isObjectId(text)) return undefined;
  const hint = /^\{.*\}$/.test(text) ? ' Leave out the braces.' : '';
  return `"${text}" is not an object id: expected a GUID like ${OBJECT_ID_EXAMPLE}.${hint}`;
}

export interface ObjectIdList {
  /** Valid ids, lower-cased (as Azure returns principal ids), in the order given, without duplicates. */
  readonly ids: readonly string[];
  /** One sentence per invalid or repeated entry. */
  readonly problems: readonly string[];
}

export function parseObjectIdList(paste: string): ObjectIdList {
  const ids: string[] = [];
  const problems: string[] = [];
  for (const entry of paste.split(SEPARATORS).filter(Boolean)) {
    const problem = objectIdProblem(entry);
    const id = entry.toLowerCase();
    if (problem) problems.push(problem);
    else if (ids.includes(id)) problems.push(`"${entry}" is listed twice.`);
    else ids.push(id);
  }
  return { ids, problems };
}

/** The first problems of a pasted list, for an input box's validation line; undefined when every entry is valid. */
export function objectIdListProblem(paste: string): string | undefined {
  const { problems } = parseObjectIdList(paste);
  if (problems.length === 0) return undefined;
  const more = problems.length > SHOWN_PROBLEMS ? ` (and ${problems.length - SHOWN_PROBLEMS} more problems)` : '';
  return `${problems.slice(0, SHOWN_PROBLEMS).join(' ')}${more}`;
}
