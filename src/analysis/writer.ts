// Plain text and Markdown from one description: headings, paragraphs, tables, lists.

export interface Writer {
  title(s: string): void;
  heading(s: string): void;
  para(s: string): void;
  table(headers: string[], rows: (string | number)[][]): void;
  list(items: string[], depth?: number): void;
  done(): string;
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

export function clip(s: string, max: number): string {
  const t = oneLine(s);
  return t.length <= max ? t : t.slice(0, max - 1) + '…';
}

export function textWriter(width = 100): Writer {
  const out: string[] = [];
  return {
    title: (s) => { out.push(s.toUpperCase(), '='.repeat(Math.min(width, s.length)), ''); },
    heading: (s) => { out.push('', s.toUpperCase(), '-'.repeat(Math.min(width, s.length))); },
    para: (s) => { out.push(oneLine(s)); },
    table(headers, rows) {
      const cells = [headers, ...rows.map((r) => r.map((c) => clip(String(c), 60)))];
      const w = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
      const line = (r: string[]) => '  ' + r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(w[i]))).join('  ').trimEnd();
      out.push('', line(headers), '  ' + w.map((n) => '-'.repeat(n)).join('  '));
      for (const r of cells.slice(1)) out.push(line(r));
      out.push('');
    },
    list(items, depth = 0) {
      for (const it of items) out.push(' '.repeat(2 + depth * 2) + (depth ? '· ' : '- ') + oneLine(it));
    },
    done: () => out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n',
  };
}

const md = (s: string) => oneLine(s).replace(/([|\\`*_[\]<>])/g, '\\$1');

export function markdownWriter(): Writer {
  const out: string[] = [];
  return {
    title: (s) => { out.push(`# ${md(s)}`, ''); },
    heading: (s) => { out.push(`## ${md(s)}`, ''); },
    para: (s) => { out.push(md(s), ''); },
    table(headers, rows) {
      out.push(`| ${headers.map(md).join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`);
      for (const r of rows) out.push(`| ${r.map((c) => md(String(c))).join(' | ')} |`);
      out.push('');
    },
    list(items, depth = 0) {
      for (const it of items) out.push(`${'  '.repeat(depth)}- ${md(it)}`);
      out.push('');
    },
    done: () => out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n',
  };
}
