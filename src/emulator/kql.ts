/**
 * The subset of KQL (Resource Graph) the emulator understands. Anything else is rejected, never half-answered:
 *
 *   query     := table ('|' operator)* | operator ('|' operator)*     (no table: Resource Graph reads `resources`)
 *   table     := 'resources' | 'Resources'
 *   operator  := 'where' expr | 'project' column (',' column)* | ('order' | 'sort') 'by' key ('asc'|'desc')? (',' ...)*
 *              | ('take' | 'limit') integer
 *   expr      := term ('or' term)*          term := factor ('and' factor)*
 *   factor    := '(' expr ')' | field op string | field ('in~' | 'in' | '!in~' | '!in') '(' string (',' string)* ')'
 *   op        := '=~' | '!~' | '==' | '!=' | 'contains' | '!contains' | 'startswith' | 'endswith' (the last four case-insensitive)
 *   field     := identifier ('.' identifier | "['" key "']")*  e.g. type, kind, properties.publicNetworkAccess, tags['env']
 *   column    := field | alias '=' field
 *   key       := field | ('tolower' | 'toupper') '(' field ')'
 */
export type Row = Record<string, unknown>;
type Predicate = (row: Row) => boolean;

export interface CompiledQuery {
  filter: Predicate;
  project?: { alias: string; path: string[] }[];
  order: OrderKey[];
  take?: number;
}

export interface OrderKey {
  path: string[];
  descending: boolean;
  /** `tolower(name)` / `toupper(name)`: compared without case. */
  caseless?: boolean;
}

export class UnsupportedQueryError extends Error {}

const OPERATORS = ['where', 'project', 'order', 'sort', 'take', 'limit'];

const TOKEN =
  /\s*(=~|!~|==|!=|!in~|!in\b|in~|!contains|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|\[|\]|[(),|=.]|[A-Za-z_][A-Za-z0-9_]*|-?\d+)/y;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  let position = 0;
  while (position < query.length) {
    if (/^\s*$/.test(query.slice(position))) break;
    TOKEN.lastIndex = position;
    const match = TOKEN.exec(query);
    if (!match)
      throw new UnsupportedQueryError(`cannot read the query at '${query.slice(position).trim().slice(0, 30)}'`);
    tokens.push(match[1]);
    position = TOKEN.lastIndex;
  }
  return tokens;
}

class Parser {
  private index = 0;
  constructor(private readonly tokens: string[]) {}

  peek(): string | undefined {
    return this.tokens[this.index];
  }
  next(): string {
    const token = this.tokens[this.index++];
    if (token === undefined) throw new UnsupportedQueryError('the query ends too early');
    return token;
  }
  expect(expected: string): void {
    const token = this.next();
    if (token.toLowerCase() !== expected)
      throw new UnsupportedQueryError(`expected '${expected}' but found '${token}'`);
  }
  done(): boolean {
    return this.index >= this.tokens.length;
  }

  field(): string[] {
    const first = this.next();
    if (!/^[A-Za-z_]/.test(first)) throw new UnsupportedQueryError(`expected a column name but found '${first}'`);
    const path = [first];
    for (;;) {
      if (this.peek() === '.') {
        this.next();
        path.push(this.next());
      } else if (this.peek() === '[') {
        this.next();
        path.push(unquote(this.next()));
        this.expect(']');
      } else return path;
    }
  }

  expression(): Predicate {
    const terms = [this.term()];
    while (this.peek()?.toLowerCase() === 'or') {
      this.next();
      terms.push(this.term());
    }
    return (row) => terms.some((term) => term(row));
  }

  term(): Predicate {
    const factors = [this.factor()];
    while (this.peek()?.toLowerCase() === 'and') {
      this.next();
      factors.push(this.factor());
    }
    return (row) => factors.every((factor) => factor(row));
  }

  factor(): Predicate {
    if (this.peek() === '(') {
      this.next();
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    const path = this.field();
    const operator = this.next().toLowerCase();
    if (['in~', 'in', '!in~', '!in'].includes(operator)) return this.membership(path, operator);
    const literal = this.literal();
    const compare = comparison(operator);
    return (row) => compare(text(valueAt(row, path)), literal);
  }

  membership(path: string[], operator: string): Predicate {
    this.expect('(');
    const values: string[] = [this.literal()];
    while (this.peek() === ',') {
      this.next();
      values.push(this.literal());
    }
    this.expect(')');
    const caseless = operator.endsWith('~');
    const negate = operator.startsWith('!');
    const set = values.map((value) => (caseless ? value.toLowerCase() : value));
    return (row) => {
      const value = text(valueAt(row, path));
      return set.includes(caseless ? value.toLowerCase() : value) !== negate;
    };
  }

  literal(): string {
    const token = this.next();
    if (!/^['"]/.test(token)) throw new UnsupportedQueryError(`expected a quoted string but found '${token}'`);
    return unquote(token);
  }
}

function comparison(operator: string): (value: string, literal: string) => boolean {
  switch (operator) {
    case '=~':
      return (value, literal) => value.toLowerCase() === literal.toLowerCase();
    case '!~':
      return (value, literal) => value.toLowerCase() !== literal.toLowerCase();
    case '==':
      return (value, literal) => value === literal;
    case '!=':
      return (value, literal) => value !== literal;
    case 'contains':
      return (value, literal) => value.toLowerCase().includes(literal.toLowerCase());
    case '!contains':
      return (value, literal) => !value.toLowerCase().includes(literal.toLowerCase());
    case 'startswith':
      return (value, literal) => value.toLowerCase().startsWith(literal.toLowerCase());
    case 'endswith':
      return (value, literal) => value.toLowerCase().endsWith(literal.toLowerCase());
    default:
      throw new UnsupportedQueryError(`the operator '${operator}' is not supported`);
  }
}

const unquote = (token: string): string => token.slice(1, -1).replace(/\\(.)/g, '$1');

const text = (value: unknown): string =>
  value === undefined || value === null ? '' : typeof value === 'string' ? value : JSON.stringify(value);

/** Field lookup: the first segment is a column; later ones walk into objects, keys compared case-insensitively. */
export function valueAt(row: Row, path: string[]): unknown {
  let current: unknown = row;
  for (const segment of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    const record = current as Record<string, unknown>;
    const key =
      segment in record
        ? segment
        : Object.keys(record).find((candidate) => candidate.toLowerCase() === segment.toLowerCase());
    current = key === undefined ? undefined : record[key];
  }
  return current;
}

export function compileQuery(query: string): CompiledQuery {
  const tokens = tokenize(query);
  // A query that starts with an operator reads the default table, `resources`.
  const implicitTable = OPERATORS.includes(tokens[0]?.toLowerCase() ?? '');
  const parser = new Parser(implicitTable ? ['resources', '|', ...tokens] : tokens);
  const table = parser.next();
  if (table.toLowerCase() !== 'resources')
    throw new UnsupportedQueryError(`only the 'resources' table is supported, not '${table}'`);
  const filters: Predicate[] = [];
  const compiled: CompiledQuery = { filter: () => true, order: [] };
  while (!parser.done()) {
    parser.expect('|');
    const operator = parser.next().toLowerCase();
    if (operator === 'where') filters.push(parser.expression());
    else if (operator === 'project') compiled.project = projection(parser);
    else if (operator === 'order' || operator === 'sort') {
      parser.expect('by');
      compiled.order = ordering(parser);
    } else if (operator === 'take' || operator === 'limit') {
      const count = Number(parser.next());
      if (!Number.isInteger(count) || count < 0) throw new UnsupportedQueryError(`${operator} needs a whole number`);
      compiled.take = count;
    } else
      throw new UnsupportedQueryError(
        `the operator '${operator}' is not supported (supported: where, project, order by, sort by, take, limit)`,
      );
    if (!parser.done() && parser.peek() !== '|')
      throw new UnsupportedQueryError(`unexpected '${parser.peek()}' after '${operator}'`);
  }
  compiled.filter = (row) => filters.every((filter) => filter(row));
  return compiled;
}

function projection(parser: Parser): { alias: string; path: string[] }[] {
  const columns: { alias: string; path: string[] }[] = [];
  do {
    if (columns.length > 0) parser.next();
    const first = parser.field();
    if (parser.peek() === '=') {
      parser.next();
      if (first.length !== 1) throw new UnsupportedQueryError('an alias must be a simple name');
      columns.push({ alias: first[0], path: parser.field() });
    } else columns.push({ alias: first[first.length - 1], path: first });
  } while (parser.peek() === ',');
  return columns;
}

function ordering(parser: Parser): OrderKey[] {
  const keys: OrderKey[] = [];
  do {
    if (keys.length > 0) parser.next();
    const caseless = ['tolower', 'toupper'].includes(parser.peek()?.toLowerCase() ?? '');
    if (caseless) {
      parser.next();
      parser.expect('(');
    }
    const path = parser.field();
    if (caseless) parser.expect(')');
    const direction = parser.peek()?.toLowerCase();
    if (direction === 'asc' || direction === 'desc') parser.next();
    // KQL sorts descending unless told otherwise.
    keys.push({ path, descending: direction !== 'asc', ...(caseless ? { caseless } : {}) });
  } while (parser.peek() === ',');
  return keys;
}
