// The eval result as a readable table (one row per key), then every error with its sentence.
import type { EvalResult, PRFScore, AccuracyScore } from './result.ts';
import type { EvalError } from './score.ts';

const num = (x: number | null): string => (x === null ? '   -  ' : x.toFixed(3).padStart(6));
const count = (x: number): string => String(x).padStart(5);

function prfRow(name: string, s: PRFScore, extra = ''): string {
  return `${name.padEnd(8)} ${num(s.precision)} ${num(s.recall)} ${num(s.f1)} ${count(s.tp)} ${count(s.fp)} ${count(s.fn)}  ${extra}`.trimEnd();
}

function accRow(name: string, s: AccuracyScore): string {
  return `${name.padEnd(8)} ${' '.repeat(41)}  accuracy ${num(s.accuracy).trim()} (${s.right}/${s.total})`;
}

function describe(e: EvalError): string {
  const item = e.item as Record<string, unknown>;
  switch (e.kind) {
    case 'events': {
      const type = Array.isArray(item.type) ? item.type.join('|') : String(item.type);
      const arrow = `${String(item.source ?? '?')} -> ${String(item.target ?? '-')}`;
      const extra = e.type === 'wrong' ? ` date ${String(item.date)} (system: ${JSON.stringify(item.system)})` : '';
      const via = item.via ? ` [${String(item.via)}]` : '';
      return `${type} ${arrow} ${String(item.modality ?? 'asserted')}${extra}${item.text ? ` "${String(item.text)}"` : ''}${via}`;
    }
    case 'actors':
      return `${String(item.name)} (${String(item.code ?? '')}, ${String(item.kind ?? '')})`;
    case 'quotes':
      return `"${String(item.text)}" by ${String(item.speaker ?? '?')}${item.system ? ` (system: ${JSON.stringify(item.system)})` : ''}`;
    case 'links': {
      if (Array.isArray(item.same_actor)) {
        const [a, b] = item.same_actor as { file: string; mention: string }[];
        return `same actor: "${a.mention}" (${a.file}) = "${b.mention}" (${b.file}); system actors ${JSON.stringify(item.system)}`;
      }
      const story = item.same_story as { label?: string; members: { file: string; text: string }[] } | undefined;
      if (story) return `same story "${story.label ?? ''}": ${story.members.map((m) => `"${m.text}" (${m.file})`).join(' / ')}`;
      return JSON.stringify(item);
    }
    case 'meta':
      return `${String(item.field)}: gold ${JSON.stringify(item.gold)}, system ${JSON.stringify(item.system)}`;
    default:
      return JSON.stringify(item);
  }
}

export function renderEval(r: EvalResult): string {
  const lines = [
    `${'key'.padEnd(8)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)} ${'tp'.padStart(5)} ${'fp'.padStart(5)} ${'fn'.padStart(5)}`,
    accRow('meta', r.meta),
    accRow('body', r.body),
    prfRow('actors', r.actors),
    prfRow('events', r.events, `dates ${num(r.events.dates.accuracy).trim()} (${r.events.dates.right}/${r.events.dates.total})`),
    prfRow('quotes', r.quotes, `attribution ${num(r.quotes.attribution).trim()}`),
    prfRow('frames', r.frames),
    accRow('links', r.links),
  ];
  const types = Object.entries(r.events.byType);
  if (types.length) {
    lines.push('', 'events by type (a miss under the type the gold names first, a false alarm under the system\'s)');
    for (const [type, score] of types) lines.push(prfRow(`  ${type}`.padEnd(12), score).replace(/^(.{12}) /, '$1'));
  }
  const tally = new Map<string, number>();
  for (const e of r.errors) tally.set(`${e.kind} ${e.type}`, (tally.get(`${e.kind} ${e.type}`) ?? 0) + 1);
  const summary = [...tally].map(([k, n]) => `${k} ${n}`).join(', ');
  lines.push('', `errors: ${r.errors.length}${summary ? ` (${summary})` : ''}`);
  for (const e of r.errors) {
    lines.push(`  [${e.kind} ${e.type}] ${e.file}: ${describe(e)}`);
    if (e.sentence) lines.push(`      | ${e.sentence.replace(/\s+/g, ' ').trim()}`);
  }
  return lines.join('\n');
}
