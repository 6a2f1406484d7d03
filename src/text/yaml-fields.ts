// Reading a hand-written YAML file (an ACH matrix, a game scenario) field by field, collecting
// every problem with its file and line ("matrix.yaml:12: hypotheses: ...") instead of stopping at
// the first, so that the writer can fix them all in one go.
import { isMap, isScalar, LineCounter, parseDocument, type Node as YamlNode, type YAMLMap } from 'yaml';

export type { YamlNode, YAMLMap };

export interface YamlFields {
  root: YAMLMap;
  /** Problems found so far, each "file:line: field: message". */
  problems: string[];
  lineOf(n: YamlNode | null | undefined): number;
  fail(n: YamlNode | null | undefined, field: string, message: string): void;
  get(m: YAMLMap, key: string): YamlNode | undefined;
  /** A scalar's value as text; undefined for anything else or a null. */
  str(n: YamlNode | undefined): string | undefined;
  /** Records every key of `m` not among `keys` as a problem of `field`. */
  known(m: YAMLMap, keys: string[], field: string): void;
}

/**
 * Parses `text`; YAML syntax errors, or a top level that is no mapping (`rootShould` says what it
 * should hold), are thrown at once through `error`.
 */
export function yamlFields(text: string, file: string, rootShould: string, error: (problems: string[]) => Error): YamlFields {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const problems: string[] = [];
  const lineOf = (n: YamlNode | null | undefined): number => (n?.range ? lines.linePos(n.range[0]).line : 1);
  const fail = (n: YamlNode | null | undefined, field: string, message: string): void => {
    problems.push(`${file}:${lineOf(n)}: ${field}: ${message}`);
  };
  for (const e of doc.errors) problems.push(`${file}:${e.linePos?.[0]?.line ?? 1}: YAML: ${e.message.split('\n')[0]}`);
  if (problems.length) throw error(problems);
  const root = doc.contents;
  if (!isMap(root)) throw error([`${file}:1: the file must be a mapping with ${rootShould}`]);
  return {
    root, problems, lineOf, fail,
    get: (m, key) => (m.get(key, true) as YamlNode | undefined) ?? undefined,
    str: (n) => (isScalar(n) && n.value !== null ? String(n.value) : undefined),
    known(m, keys, field) {
      for (const item of m.items) {
        const k = isScalar(item.key) ? String(item.key.value) : '';
        if (!keys.includes(k)) fail(item.key as YamlNode, field, `unknown field "${k}" (expected one of: ${keys.join(', ')})`);
      }
    },
  };
}
