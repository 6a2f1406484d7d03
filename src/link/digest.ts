// What the corpus linker needs of one document, worked out once, when the document is analysed
// and its tokens are at hand, and stored beside it: linking then reads one row per document
// instead of rebuilding every analysis from its tables and tokenizing its sentences again.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis, Modality, PloverType } from '../model/types.ts';
import { eventFeatures, StringPool, type EventFeatures } from './features.ts';
import { bodySignature, decodeSignature, encodeSignature } from './near-duplicates.ts';

export interface LinkDigest {
  doc: string;
  /** The MinHash signature of the body's wording; none for a body too short to be a copy of another. */
  signature?: Int32Array;
  /** The actors the document names, by id, each once. */
  actors: string[];
  events: EventFeatures[];
}

export function linkDigest(a: Analysis): LinkDigest {
  return {
    doc: a.doc.id,
    signature: bodySignature(a.doc.body),
    actors: [...new Set(a.actors.map((x) => x.id))],
    events: eventFeatures(a),
  };
}

// Stored as JSON, deflated: a digest is the largest row of a document (some 10 KB of JSON, the
// same words over and over) and deflates to a quarter. An event's key words are listed once;
// places, names, surface forms and phrases point into that list, and what every event of the
// document shares (its id, publication date) is written once.
interface EncodedEvent {
  e: string; t: PloverType; m: Modality; s?: string; g?: string; a: string[]; d?: [string, string];
  /** key words (the first kn of k; any further are words only the lists below name) */
  k: string[]; kn: number; p: number[]; n: number[]; w: string;
  /** surface forms that differ from their key; u: keys with none */
  f: [number, string][]; u?: number[]; h: [number, string][];
}
/** Marks a deflated digest (base64 after it); a digest stored before compression is plain JSON. */
const DEFLATED = 'z:';

interface Encoded { v: 1; doc: string; pub?: string; sig?: string; actors: string[]; events: EncodedEvent[] }

export function encodeDigest(d: LinkDigest): string {
  const out: Encoded = {
    v: 1, doc: d.doc, pub: d.events[0]?.published, actors: d.actors,
    sig: d.signature ? encodeSignature(d.signature) : undefined,
    events: d.events.map((f) => {
      const k = [...f.keys];
      const at = new Map(k.map((key, i) => [key, i]));
      const index = (key: string) => { let i = at.get(key); if (i === undefined) { i = k.push(key) - 1; at.set(key, i); } return i; };
      const bare = [...f.keys].filter((key) => !f.surface.has(key)).map(index);
      return {
        e: f.event, t: f.type, m: f.modality, s: f.source, g: f.target, a: f.actors,
        d: f.date ? [f.date.start, f.date.end] : undefined,
        k, kn: f.keys.size, ...(bare.length ? { u: bare } : {}), p: [...f.places].map(index), n: [...f.names].map(index), w: f.trigger,
        // a surface form equal to its key is left out: the key is its own surface form
        f: [...f.surface].filter(([key, text]) => key !== text || !f.keys.has(key)).map(([key, text]) => [index(key), text]),
        h: [...f.phrases].map(([key, text]) => [index(key), text]),
      };
    }),
  };
  // text, so that one column type serves SQLite and PostgreSQL; level 1: most of the gain, little CPU
  return DEFLATED + deflateRawSync(JSON.stringify(out), { level: 1 }).toString('base64');
}

/** The digest a stored text encodes; `pool` shares its strings with the other documents being linked. */
export function decodeDigest(text: string, pool = new StringPool()): LinkDigest {
  const json = text.startsWith(DEFLATED) ? inflateRawSync(Buffer.from(text.slice(DEFLATED.length), 'base64')).toString() : text;
  const d = JSON.parse(json) as Encoded;
  if (d.v !== 1) throw new Error(`link digest of ${d.doc}: unknown version ${String(d.v)}`);
  const doc = pool.get(d.doc);
  const published = d.pub === undefined ? undefined : pool.get(d.pub);
  return {
    doc, signature: d.sig ? decodeSignature(d.sig) : undefined, actors: d.actors,
    events: d.events.map((x) => {
      const list = x.k.map((key) => pool.get(key));
      const keys = new Set(list.slice(0, x.kn));
      const surface = new Map<string, string>();
      const bare = new Set(x.u ?? []);
      for (const [i, text] of x.f) surface.set(list[i], pool.get(text));
      // the surface forms left out are the keys themselves
      list.forEach((key, i) => { if (!surface.has(key) && !bare.has(i) && i < x.kn) surface.set(key, key); });
      const parts = [...new Set([x.s, x.g].filter((p): p is string => p !== undefined))].sort();
      return {
        doc, event: x.e, type: x.t, modality: x.m, source: x.s, target: x.g, parts, actors: x.a,
        date: x.d ? { start: x.d[0], end: x.d[1] } : undefined, published,
        keys, places: new Set(x.p.map((i) => list[i])), names: new Set(x.n.map((i) => list[i])),
        trigger: pool.get(x.w), surface,
        phrases: new Map(x.h.map(([i, text]) => [list[i], pool.get(text)])),
      };
    }),
  };
}
