// Actors and their relations as GraphML (Gephi, yEd, NetworkX): actors are nodes with name,
// code and kind; each pair of actors with events between them is an edge carrying the count of
// cooperative and conflictual asserted events, their mean Goldstein score, and the other events apart.
import type { Actor } from '../model/types.ts';
import type { Store } from '../store/index.ts';
import type { RoleLine } from '../analysis/event-lines.ts';
import { eventRecords } from './records.ts';

const NODE_KEYS = [['label', 'string'], ['code', 'string'], ['kind', 'string'], ['country', 'string'], ['events', 'int']] as const;
const EDGE_KEYS = [['weight', 'double'], ['cooperative', 'int'], ['conflictual', 'int'], ['asserted', 'int'], ['not_asserted', 'int'], ['mean_goldstein', 'double']] as const;

/** Text fit for XML: markup characters escaped, characters XML 1.0 forbids dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

interface Node { key: string; name: string; code: string; kind: string; country?: string; events: number }
interface Edge { a: string; b: string; cooperative: number; conflictual: number; asserted: number; other: number; sum: number; scored: number }

export async function writeGraphml(store: Store, write: (chunk: string) => void): Promise<void> {
  const nodes = new Map<string, Node>();
  const edges = new Map<string, Edge>();
  const node = async (r: RoleLine): Promise<Node> => {
    const key = r.actor ?? `code:${r.code}`;
    let n = nodes.get(key);
    if (!n) {
      const actor: Actor | undefined = r.actor ? await store.actor(r.actor) : undefined;
      n = { key, name: actor?.name ?? r.name ?? r.code, code: actor?.code ?? r.code, kind: actor?.kind ?? 'unknown', country: actor?.country, events: 0 };
      nodes.set(key, n);
    }
    n.events++;
    return n;
  };
  for await (const { line: l } of eventRecords(store)) {
    if (!l.source || !l.target) continue;
    const [s, t] = [await node(l.source), await node(l.target)];
    if (s.key === t.key) continue;
    const [a, b] = s.key < t.key ? [s.key, t.key] : [t.key, s.key];
    const id = `${a}\u0000${b}`;
    let e = edges.get(id);
    if (!e) { e = { a, b, cooperative: 0, conflictual: 0, asserted: 0, other: 0, sum: 0, scored: 0 }; edges.set(id, e); }
    if (l.modality !== 'asserted') { e.other++; continue; }
    e.asserted++;
    if (l.quadClass === 1 || l.quadClass === 2) e.cooperative++;
    if (l.quadClass === 3 || l.quadClass === 4) e.conflictual++;
    if (l.goldstein !== undefined) { e.sum += l.goldstein; e.scored++; }
  }

  write('<?xml version="1.0" encoding="UTF-8"?>\n');
  write('<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
    'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n');
  for (const [name, type] of NODE_KEYS) write(`  <key id="n_${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`);
  for (const [name, type] of EDGE_KEYS) write(`  <key id="e_${name}" for="edge" attr.name="${name}" attr.type="${type}"/>\n`);
  write('  <graph id="sitrep" edgedefault="undirected">\n');
  const data = (key: string, v: string | number | undefined) => (v === undefined ? '' : `<data key="${key}">${xmlEscape(String(v))}</data>`);
  for (const n of nodes.values()) {
    write(`    <node id="${xmlEscape(n.key)}">${data('n_label', n.name)}${data('n_code', n.code)}${data('n_kind', n.kind)}${data('n_country', n.country)}${data('n_events', n.events)}</node>\n`);
  }
  let i = 0;
  for (const e of edges.values()) {
    const mean = e.scored ? Math.round((e.sum / e.scored) * 100) / 100 : undefined;
    write(`    <edge id="r${i++}" source="${xmlEscape(e.a)}" target="${xmlEscape(e.b)}">` +
      `${data('e_weight', e.asserted + e.other)}${data('e_cooperative', e.cooperative)}${data('e_conflictual', e.conflictual)}` +
      `${data('e_asserted', e.asserted)}${data('e_not_asserted', e.other)}${data('e_mean_goldstein', mean)}</edge>\n`);
  }
  write('  </graph>\n</graphml>\n');
}
