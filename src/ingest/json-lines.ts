/**
 * A small JSON parser that remembers the line of every value, so that problems in the actors file
 * can name `file:line`. Accepts exactly JSON (RFC 8259).
 */
export type JsonNode =
  | { kind: 'object'; line: number; entries: [string, JsonNode][] }
  | { kind: 'array'; line: number; items: JsonNode[] }
  | { kind: 'string'; line: number; value: string }
  | { kind: 'number'; line: number; value: number }
  | { kind: 'boolean'; line: number; value: boolean }
  | { kind: 'null'; line: number };

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseJsonWithLines(text: string): JsonNode {
  let i = 0;
  let line = 1;
  const fail = (message: string): never => {
    throw new JsonSyntaxError(message, line);
  };
  const ws = () => {
    while (i < text.length) {
      const c = text[i];
      if (c === '\n') line++;
      else if (c !== ' ' && c !== '\t' && c !== '\r') break;
      i++;
    }
  };
  const describe = () => (i >= text.length ? 'end of file' : `'${text[i]}'`);
  const value = (depth: number): JsonNode => {
    if (depth > 64) fail('JSON nested too deeply');
    ws();
    const at = line;
    const c = text[i];
    if (c === '{') {
      i++;
      const entries: [string, JsonNode][] = [];
      ws();
      if (text[i] === '}') {
        i++;
        return { kind: 'object', line: at, entries };
      }
      for (;;) {
        ws();
        if (text[i] !== '"') fail(`expected a property name in double quotes, found ${describe()}`);
        const key = str();
        ws();
        if (text[i] !== ':') fail(`expected ':' after property name, found ${describe()}`);
        i++;
        entries.push([key, value(depth + 1)]);
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === '}') {
          i++;
          return { kind: 'object', line: at, entries };
        }
        fail(`expected ',' or '}', found ${describe()}`);
      }
    }
    if (c === '[') {
      i++;
      const items: JsonNode[] = [];
      ws();
      if (text[i] === ']') {
        i++;
        return { kind: 'array', line: at, items };
      }
      for (;;) {
        items.push(value(depth + 1));
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        if (text[i] === ']') {
          i++;
          return { kind: 'array', line: at, items };
        }
        fail(`expected ',' or ']', found ${describe()}`);
      }
    }
    if (c === '"') return { kind: 'string', line: at, value: str() };
    const lit = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(
      text.slice(i, i + 400),
    );
    if (!lit) return fail(`unexpected ${describe()}`);
    i += lit[0].length;
    if (lit[0] === 'true' || lit[0] === 'false')
      return { kind: 'boolean', line: at, value: lit[0] === 'true' };
    if (lit[0] === 'null') return { kind: 'null', line: at };
    return { kind: 'number', line: at, value: Number(lit[0]) };
  };
  const str = (): string => {
    const start = i;
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined || c === '\n') fail('unterminated string');
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '"') break;
      i++;
    }
    i++;
    try {
      return JSON.parse(text.slice(start, i)) as string;
    } catch {
      return fail('invalid string (bad escape or control character)');
    }
  };
  const root = value(0);
  ws();
  if (i < text.length) fail(`unexpected ${describe()} after the end of the JSON value`);
  return root;
}

/**
 * A seeds JSON file (actors, relationship, published ids, corrections) read for the ingest: its
 * tree, or why it is not JSON as `{ line, message }` (a leading byte-order mark is dropped).
 */
export function readSeedsJson(
  text: string,
): { ok: true; root: JsonNode } | { ok: false; line: number; message: string } {
  try {
    return { ok: true, root: parseJsonWithLines(text.replace(/^\uFEFF/, '')) };
  } catch (error) {
    return {
      ok: false,
      line: error instanceof JsonSyntaxError ? error.line : 1,
      message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** The value of `key` in an object node (undefined for a missing key or a node that is no object). */
export function fieldOf(node: JsonNode, key: string): JsonNode | undefined {
  return node.kind === 'object' ? node.entries.find(([k]) => k === key)?.[1] : undefined;
}

/**
 * The list of non-empty strings under `key` (trimmed; none when the key is absent). Anything else
 * is reported at its line through `problem`; `check` may report more about each string.
 */
export function stringListOf(
  node: JsonNode,
  key: string,
  problem: (line: number, message: string) => void,
  check?: (value: string, line: number) => void,
): string[] {
  const v = fieldOf(node, key);
  if (v === undefined) return [];
  if (v.kind !== 'array') {
    problem(v.line, `"${key}" must be an array of strings`);
    return [];
  }
  const out: string[] = [];
  for (const item of v.items) {
    if (item.kind !== 'string' || item.value.trim() === '') {
      problem(item.line, `"${key}" entries must be non-empty strings`);
      continue;
    }
    check?.(item.value.trim(), item.line);
    out.push(item.value.trim());
  }
  return out;
}
