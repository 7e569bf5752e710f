/**
 * The `yaml` Parser, minus one line: upstream `Parser.next` reads `process.env.LOG_TOKENS` on every token, and on
 * Node `process.env` is a slow native lookup that doubled the parse time of a hub file. This subclass repeats
 * `next` without that lookup; test/unit/yaml/parser.test.ts checks it yields the same tokens as upstream.
 */
import { CST, Composer, Parser, type Document } from 'yaml';
import { documentFromComposed } from './composedTree';
import { documentsFromCst } from './cstTree';
import type { ParsedDocument } from './yamlTree';

/** The private members of `Parser` that `next` uses (yaml 2.x). */
interface ParserInternals {
  source: string;
  type: string;
  atScalar: boolean;
  atNewLine: boolean;
  indent: number;
  offset: number;
  onNewLine?: (offset: number) => void;
  step(): Generator<CST.Token, void>;
  pop(error?: CST.Token): Generator<CST.Token, void>;
}

export class HubYamlParser extends Parser {
  override *next(source: string): Generator<CST.Token, void> {
    const self = this as unknown as ParserInternals;
    self.source = source;
    if (self.atScalar) {
      self.atScalar = false;
      yield* self.step();
      self.offset += source.length;
      return;
    }
    const type = CST.tokenType(source);
    if (!type) {
      yield* self.pop({ type: 'error', offset: self.offset, message: `Not a YAML token: ${source}`, source });
      self.offset += source.length;
    } else if (type === 'scalar') {
      self.atNewLine = false;
      self.atScalar = true;
      self.type = 'scalar';
    } else {
      self.type = type;
      yield* self.step();
      if (!trackIndent(self, type, source)) return;
      self.offset += source.length;
    }
  }
}

/** Updates the indentation state after a token; false for the zero-width tokens that do not advance the offset. */
function trackIndent(self: ParserInternals, type: CST.TokenType, source: string): boolean {
  switch (type) {
    case 'newline':
      self.atNewLine = true;
      self.indent = 0;
      self.onNewLine?.(self.offset + source.length);
      break;
    case 'space':
      if (self.atNewLine && source[0] === ' ') self.indent += source.length;
      break;
    case 'explicit-key-ind':
    case 'map-value-ind':
    case 'seq-item-ind':
      if (self.atNewLine) self.indent += source.length;
      break;
    case 'doc-mode':
    case 'flow-error-end':
      return false;
    default:
      self.atNewLine = false;
  }
  return true;
}

/** Options for every parse: duplicate keys must survive composition so that we can report each one. */
const COMPOSE_OPTIONS = { uniqueKeys: false, prettyErrors: false } as const;

/** Parses YAML text into its documents (one parse; errors stay on each document). */
export function parseYamlDocuments(text: string): Document.Parsed[] {
  const composer = new Composer(COMPOSE_OPTIONS);
  return Array.from(composer.compose(new HubYamlParser().parse(text)));
}

export interface ParseOptions {
  /** Always compose, even plain block YAML (tests compare both paths with it). */
  readonly compose?: boolean;
}

/**
 * The check trees of a text's documents: built from the CST when the text is plain block YAML, otherwise from the
 * composed documents (the same tokens, parsed once).
 */
export function parseHubDocuments(text: string, options: ParseOptions = {}): ParsedDocument[] {
  const tokens = Array.from(new HubYamlParser().parse(text));
  const fromCst = options.compose ? undefined : documentsFromCst(tokens);
  if (fromCst) return fromCst;
  return Array.from(new Composer(COMPOSE_OPTIONS).compose(tokens), documentFromComposed);
}
