// Reads a gold annotation file (format 1, ../shared/gold/FORMAT.md) into typed records.
// Absent lists stay undefined (not scored); empty lists stay empty (scored).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parse } from 'yaml';

export interface GoldMeta { title?: string | null; outlet?: string | null; author?: string | null; published?: string | null }
export interface GoldActor { name: string; code?: string; kind?: string; mentions?: string[]; role?: string; optional?: boolean }
export interface GoldEvent {
  type: string[]; source: string; target?: string; modality: string; date?: string;
  place?: string; text?: string; note?: string; optional?: boolean;
}
export interface GoldQuote { speaker: string; code?: string; kind?: string; text: string; optional?: boolean }
export interface GoldFrames { scare_quotes?: string[]; optional_scare_quotes?: string[] }

export interface GoldDocument {
  file: string;
  meta?: GoldMeta;
  body?: { keep?: string[]; drop?: string[] };
  actors?: GoldActor[];
  events?: GoldEvent[];
  quotes?: GoldQuote[];
  frames?: GoldFrames;
}

export interface GoldMention { file: string; mention: string }
export interface GoldStory { label?: string; members: { file: string; text: string }[] }
export interface GoldLinks { same_actor?: [GoldMention, GoldMention][]; same_story?: GoldStory[] }

export interface GoldFile {
  path: string;
  corpus: string;          // absolute folder of the documents
  documents: GoldDocument[];
  links?: GoldLinks;
}

export class GoldError extends Error {}

type Raw = Record<string, unknown>;

function isObject(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function list<T>(v: unknown, where: string, item: (x: unknown, at: string) => T): T[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v)) throw new GoldError(`${where}: expected a list`);
  return v.map((x, i) => item(x, `${where}[${i}]`));
}

function str(v: unknown, where: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);   // an unquoted year in YAML
  throw new GoldError(`${where}: expected a string`);
}

function optStr(v: unknown, where: string): string | undefined {
  return v === undefined || v === null ? undefined : str(v, where);
}

function strings(v: unknown, where: string): string[] | undefined {
  return list(v, where, str);
}

function actor(x: unknown, at: string): GoldActor {
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  return {
    name: str(x.name, `${at}.name`), code: optStr(x.code, `${at}.code`), kind: optStr(x.kind, `${at}.kind`),
    mentions: strings(x.mentions, `${at}.mentions`), role: optStr(x.role, `${at}.role`), optional: x.optional === true,
  };
}

function event(x: unknown, at: string): GoldEvent {
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  const type = Array.isArray(x.type) ? x.type.map((t, i) => str(t, `${at}.type[${i}]`)) : [str(x.type, `${at}.type`)];
  return {
    type: type.map((t) => t.toUpperCase()), source: str(x.source, `${at}.source`), target: optStr(x.target, `${at}.target`),
    modality: (optStr(x.modality, `${at}.modality`) ?? 'asserted').toLowerCase(), date: optStr(x.date, `${at}.date`),
    place: optStr(x.place, `${at}.place`), text: optStr(x.text, `${at}.text`), note: optStr(x.note, `${at}.note`),
    optional: x.optional === true,
  };
}

function quote(x: unknown, at: string): GoldQuote {
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  return {
    speaker: str(x.speaker, `${at}.speaker`), code: optStr(x.code, `${at}.code`), kind: optStr(x.kind, `${at}.kind`),
    text: str(x.text, `${at}.text`), optional: x.optional === true,
  };
}

function meta(x: unknown, at: string): GoldMeta | undefined {
  if (x === undefined || x === null) return undefined;
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  const out: GoldMeta = {};
  for (const key of ['title', 'outlet', 'author', 'published'] as const) {
    if (key in x) out[key] = x[key] === null ? null : str(x[key], `${at}.${key}`);
  }
  return out;
}

function document(x: unknown, at: string): GoldDocument {
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  const doc: GoldDocument = { file: str(x.file, `${at}.file`) };
  doc.meta = meta(x.meta, `${at}.meta`);
  if (isObject(x.body)) doc.body = { keep: strings(x.body.keep, `${at}.body.keep`), drop: strings(x.body.drop, `${at}.body.drop`) };
  doc.actors = list(x.actors, `${at}.actors`, actor);
  doc.events = list(x.events, `${at}.events`, event);
  doc.quotes = list(x.quotes, `${at}.quotes`, quote);
  if (isObject(x.frames)) {
    doc.frames = {
      scare_quotes: strings(x.frames.scare_quotes, `${at}.frames.scare_quotes`),
      optional_scare_quotes: strings(x.frames.optional_scare_quotes, `${at}.frames.optional_scare_quotes`),
    };
  }
  return doc;
}

function mentionRef(x: unknown, at: string): GoldMention {
  if (!isObject(x)) throw new GoldError(`${at}: expected a mapping`);
  return { file: str(x.file, `${at}.file`), mention: str(x.mention, `${at}.mention`) };
}

function links(x: unknown): GoldLinks | undefined {
  if (!isObject(x)) return undefined;
  return {
    same_actor: list(x.same_actor, 'links.same_actor', (p, at) => {
      if (!Array.isArray(p) || p.length !== 2) throw new GoldError(`${at}: expected a pair`);
      return [mentionRef(p[0], `${at}[0]`), mentionRef(p[1], `${at}[1]`)] as [GoldMention, GoldMention];
    }),
    same_story: list(x.same_story, 'links.same_story', (s, at) => {
      if (!isObject(s)) throw new GoldError(`${at}: expected a mapping`);
      const members = list(s.members, `${at}.members`, (m, mat) => {
        if (!isObject(m)) throw new GoldError(`${mat}: expected a mapping`);
        return { file: str(m.file, `${mat}.file`), text: str(m.text, `${mat}.text`) };
      }) ?? [];
      return { label: optStr(s.label, `${at}.label`), members };
    }),
  };
}

/** Parses gold YAML text; `path` is the file it came from, for resolving `corpus`. */
export function parseGold(text: string, path: string): GoldFile {
  let raw: unknown;
  try { raw = parse(text); } catch (e) { throw new GoldError(`${path}: not valid YAML: ${(e as Error).message}`); }
  if (!isObject(raw)) throw new GoldError(`${path}: expected a mapping at the top`);
  if (raw.format !== undefined && raw.format !== 1) throw new GoldError(`${path}: unsupported format ${String(raw.format)}`);
  const corpus = resolve(dirname(path), typeof raw.corpus === 'string' ? raw.corpus : '.');
  try {
    return { path, corpus, documents: list(raw.documents, 'documents', document) ?? [], links: links(raw.links) };
  } catch (e) {
    if (e instanceof GoldError) throw new GoldError(`${path}: ${e.message}`);
    throw e;
  }
}

export function loadGold(path: string): GoldFile {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch (e) { throw new GoldError(`${path}: cannot read: ${(e as Error).message}`); }
  return parseGold(text, resolve(path));
}
