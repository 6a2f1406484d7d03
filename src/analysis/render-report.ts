// The report as text for a terminal or as Markdown. Events that are not asserted always carry
// their modality in words, so nothing merely feared or expected reads as having happened.
import type { Report } from './report.ts';
import { clip, markdownWriter, textWriter, type Writer } from './writer.ts';
import { dyadText, MODALITY_WORDS, type EventLine } from './event-lines.ts';
import { writeComparisons } from './compare.ts';

// Terminal and Markdown views stay readable on a large store; the JSON report has everything.
const MAX_ACTORS = 25;
const MAX_EVENTS = 200;
const MAX_STORYLINES = 30;
const MAX_DOCUMENTS = 50;
const MAX_RELATIONS = 40;
const MAX_SPEAKERS = 40;
const MAX_QUOTES_EACH = 10;

function capped<T>(w: Writer, list: T[], max: number, what: string): T[] {
  if (list.length > max) w.para(`Showing ${max} of ${list.length} ${what}; narrow with a filter, or use the JSON report for all.`);
  return list.slice(0, max);
}

function when(l: EventLine): string {
  if (!l.date) return 'undated';
  if (l.dateFrom === 'published') return `by ${l.date}`;
  return l.dateEnd && l.dateEnd !== l.date ? `${l.date}/${l.dateEnd}` : l.date;
}

function eventRow(l: EventLine): string[] {
  return [when(l), l.type, dyadText(l), MODALITY_WORDS[l.modality], clip(l.sentence, 90), l.doc, String(1 + (l.alsoTold?.length ?? 0))];
}
const EVENT_HEAD = ['date', 'type', 'who → whom', 'status', 'sentence', 'document', 'told'];

function filterText(r: Report): string {
  const parts = [r.filter.actor && `actor ${r.filter.actor}`, r.filter.since && `since ${r.filter.since}`, r.filter.until && `until ${r.filter.until}`].filter(Boolean);
  return parts.length ? ` Filter: ${parts.join(', ')}.` : '';
}

function write(r: Report, w: Writer): string {
  w.title('Situation report');
  w.para(`${r.totals.documents} documents, ${r.totals.events} events, ${r.totals.quotes} attributed quotes.${filterText(r)}`);

  w.heading('Actors that matter most');
  if (r.actors.length === 0) w.para('No actors.');
  else w.table(['actor', 'code', 'kind', 'mentions', 'events', 'documents'],
    r.actors.slice(0, MAX_ACTORS).map((a) => [a.name, a.code, a.kind, a.mentions, a.events, a.documents]));

  w.heading('Relations between pairs of actors');
  if (r.relations.length === 0) w.para('No events between two actors.');
  else {
    w.para('Counts and mean Goldstein score take asserted events only; the others are counted apart.');
    w.table(['pair', 'cooperative', 'conflictual', 'mean Goldstein', 'asserted', 'not asserted'],
      capped(w, r.relations, MAX_RELATIONS, 'pairs').map((x) => [`${x.a.name} – ${x.b.name}`, x.cooperative, x.conflictual, x.meanGoldstein ?? '–', x.asserted,
        Object.entries(x.other).map(([m, n]) => `${n} ${m}`).join(', ') || '–']));
  }

  w.heading('Timeline');
  w.para('Only events whose status is "reported" are told as having happened. "by DAY": undated in the text, reported on DAY. "told": how many sentences tell the event.');
  if (r.timeline.length === 0) w.para('No dated events.');
  else w.table(EVENT_HEAD, capped(w, r.timeline, MAX_EVENTS, 'dated events').map(eventRow));
  if (r.undated.length) {
    w.para('Undated events:');
    w.table(EVENT_HEAD, capped(w, r.undated, MAX_EVENTS, 'undated events').map(eventRow));
  }

  w.heading('What each speaker said');
  if (r.speakers.length === 0) w.para('No attributed quotes.');
  for (const s of capped(w, r.speakers, MAX_SPEAKERS, 'speakers')) {
    w.list([`${s.name}${s.code ? ` (${s.code}${s.kind ? ', ' + s.kind : ''})` : ''}: ${s.quotes.length} quote${s.quotes.length === 1 ? '' : 's'}`]);
    w.list(s.quotes.slice(0, MAX_QUOTES_EACH).map((q) => `${q.kind === 'direct' ? `“${clip(q.text, 160)}”` : `(indirect) ${clip(q.text, 160)}`} — ${[q.outlet, q.published].filter(Boolean).join(', ') || q.title || ''} [${q.doc}]`), 1);
  }

  w.heading('Storylines across documents');
  if (r.storylines.length === 0) w.para('No storyline runs through several documents.');
  for (const s of capped(w, r.storylines, MAX_STORYLINES, 'storylines')) {
    w.list([`${s.label} (${s.documents} documents, ${s.events.length} events)`]);
    w.list(s.events.map((l) => `${when(l)} ${l.type} ${dyadText(l)}, ${MODALITY_WORDS[l.modality]}: ${clip(l.sentence, 110)} [${l.doc}]`), 1);
  }

  writeComparisons(w, r.comparisons);

  w.heading('Framing by document');
  if (r.documents.length === 0) w.para('No documents.');
  const marked = (d: Report['documents'][number]) => Object.values(d.frames).reduce((x, y) => x + y, 0);
  const docs = r.documents.length > MAX_DOCUMENTS ? [...r.documents].sort((x, y) => marked(y) - marked(x)) : r.documents;
  for (const d of capped(w, docs, MAX_DOCUMENTS, 'documents (the most marked first)')) {
    const head = `${d.title ?? d.source} (${[d.outlet, d.published].filter(Boolean).join(', ') || 'no outlet or date'}) [${d.id}]`;
    const share = d.namedShare === null ? 'no quotes' : `${d.namedQuotes} of ${d.quotes} quotes have a named speaker (${Math.round(d.namedShare * 100)}%)`;
    const counts = Object.entries(d.frames).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';
    w.list([head]);
    w.list([
      `scare quotes (${d.scareQuotes.length}): ${d.scareQuotes.map((s) => `“${s}”`).join(', ') || '–'}`,
      `loaded words (${d.loaded.length}): ${d.loaded.join(', ') || '–'}`,
      `framing markers: ${counts}`,
      share + (d.sourcedShare === null ? '' : `; ${Math.round(d.sourcedShare * 100)}% of its sentences carry a named speaker's words`),
      ...(d.nearDuplicateOf ? [`near-duplicate of [${d.nearDuplicateOf.doc}] (similarity ${d.nearDuplicateOf.similarity})`] : []),
    ], 1);
  }
  return w.done();
}

export function renderReportAs(r: Report, format: 'text' | 'markdown'): string {
  return write(r, format === 'markdown' ? markdownWriter() : textWriter());
}
