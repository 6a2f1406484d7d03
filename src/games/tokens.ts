// The tokens of Gambit's text formats: quoted strings (with \" escapes), braces, and bare words
// (numbers, keywords); commas separate nothing and are dropped.

export type Token = { kind: 'string' | 'word' | '{' | '}'; text: string; line: number };

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '\n') { line++; i++; continue; }
    if (/\s|,/.test(c)) { i++; continue; }
    if (c === '{' || c === '}') { out.push({ kind: c, text: c, line }); i++; continue; }
    if (c === '"') {
      let s = '';
      const start = line;
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) { s += text[i + 1]; i += 2; continue; }
        if (text[i] === '\n') line++;
        s += text[i++];
      }
      if (i >= text.length) throw new SyntaxError(`line ${start}: unterminated string`);
      i++;
      out.push({ kind: 'string', text: s, line: start });
      continue;
    }
    let j = i;
    while (j < text.length && !/[\s,{}"]/.test(text[j]!)) j++;
    out.push({ kind: 'word', text: text.slice(i, j), line });
    i = j;
  }
  return out;
}

/** A cursor over tokens with errors that name the line. */
export class Cursor {
  private i = 0;
  constructor(private readonly tokens: Token[], private readonly source: string) {}
  peek(): Token | undefined { return this.tokens[this.i]; }
  done(): boolean { return this.i >= this.tokens.length; }
  fail(message: string): never {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    throw new SyntaxError(`${this.source}${t ? `:${t.line}` : ''}: ${message}`);
  }
  next(): Token {
    const t = this.tokens[this.i++];
    if (!t) this.fail('unexpected end of file');
    return t;
  }
  expect(kind: Token['kind'], what: string): Token {
    const t = this.peek();
    if (!t || t.kind !== kind) this.fail(`expected ${what}, found ${t ? `"${t.text}"` : 'end of file'}`);
    return this.next();
  }
  accept(kind: Token['kind']): Token | undefined {
    return this.peek()?.kind === kind ? this.next() : undefined;
  }
  /** Strings up to the closing brace of a list that has just been opened. */
  strings(what: string): string[] {
    const out: string[] = [];
    this.expect('{', `{ before ${what}`);
    while (!this.accept('}')) out.push(this.expect('string', what).text);
    return out;
  }
}

/** Writes a Gambit string literal. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
