/**
 * What "the emulator answers as Azure did" means for one interaction: the same status, the same polling headers, the
 * same error code and error body shape, how a poll ends, and every top-level body field the recording has.
 */
import type { RecordedInteraction } from './cassette';

export interface EmulatorAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: unknown;
}

export const POLLING_HEADERS = ['azure-asyncoperation', 'location'] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const fieldsOf = (body: unknown): string[] => (isObject(body) ? Object.keys(body) : []);

/** The error body's shape: ARM's `{error: {code, message, details?}}`, or the bare `{code, message}` some RPs send. */
export function errorShape(body: unknown): string {
  if (!isObject(body)) return body === undefined ? 'no body' : 'not JSON';
  if (isObject(body.error)) {
    const inner = ['code', 'message', 'details'].filter((key) => key in (body.error as object));
    return `{error: {${inner.join(', ')}}}`;
  }
  if ('code' in body && 'message' in body) return '{code, message}';
  return `{${Object.keys(body).join(', ')}}`;
}

export function errorCode(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  if (isObject(body.error) && typeof body.error.code === 'string') return body.error.code;
  return typeof body.code === 'string' ? body.code : undefined;
}

/** The differences between the recorded answer and the emulator's; empty when they agree. */
export function differences(
  recorded: RecordedInteraction,
  answer: EmulatorAnswer,
  options: { isPoll: boolean },
): string[] {
  const found: string[] = [];
  if (answer.status !== recorded.status) found.push(`status ${answer.status}, Azure ${recorded.status}`);
  for (const header of POLLING_HEADERS) {
    const inRecording = header in recorded.responseHeaders;
    const inAnswer = answer.headers[header] !== undefined;
    if (inRecording !== inAnswer)
      found.push(`${header} ${inAnswer ? 'sent' : 'missing'}, Azure ${inRecording ? 'sent it' : 'did not'}`);
  }
  if (recorded.status >= 400) {
    const [shape, theirs] = [errorShape(answer.body), errorShape(recorded.responseBody)];
    if (shape !== theirs) found.push(`error body ${shape}, Azure ${theirs}`);
  }
  const [code, recordedCode] = [errorCode(answer.body), errorCode(recorded.responseBody)];
  if (recordedCode !== undefined && code !== recordedCode) found.push(`error code ${code}, Azure ${recordedCode}`);
  if (options.isPoll && isObject(recorded.responseBody) && typeof recorded.responseBody.status === 'string') {
    const status = isObject(answer.body) ? answer.body.status : undefined;
    if (status !== recorded.responseBody.status)
      found.push(`poll status ${String(status)}, Azure ${recorded.responseBody.status}`);
  }
  if (recorded.status < 400) found.push(...fieldDifferences(recorded.responseBody, answer.body));
  return found;
}

function fieldDifferences(recorded: unknown, answer: unknown): string[] {
  const theirs = fieldsOf(recorded);
  const ours = fieldsOf(answer);
  if (theirs.length === 0 && ours.length > 0) return [`a body with ${ours.join(', ')}, Azure none`];
  const missing = theirs.filter((field) => !ours.includes(field));
  return missing.length > 0 ? [`body lacks ${missing.join(', ')}`] : [];
}
