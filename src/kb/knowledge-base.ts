// The actor knowledge base: reads the YAML files under data/kb (and a user's own files) and
// builds the actors with their name forms. The public entry point of src/kb.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKbFile, yamlFiles } from './files.ts';
import { KbBuilder } from './builder.ts';
import type { KnowledgeBase } from './types.ts';
import type { KbFile } from './schema.ts';

export type { KbName, KnowledgeBase, NameForm, NameMatch, Office, Place } from './types.ts';

export interface LoadOptions {
  kbFiles?: string[];
  /** Record how each name form was made (for `sitrep kb find`); costs memory, so off by default. */
  explain?: boolean;
}

/** The shipped knowledge: data/kb at the root of the package. */
export const KB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb');

/** Load the shipped files and the user's `kbFiles`; throws an Error naming a file that does not fit. */
export function loadKnowledgeBase(options: LoadOptions = {}): KnowledgeBase {
  const paths = [...yamlFiles(KB_DIR), ...(options.kbFiles ?? [])];
  const files = paths.map(readKbFile);
  checkReferences(paths, files);
  return new KbBuilder(files, { explain: options.explain }).build();
}

/** What one file may name from another: institution types and the states qualifying orgs. */
function checkReferences(paths: string[], files: KbFile[]): void {
  const types = new Set(files.flatMap((f) => Object.keys(f.institution_types ?? {})));
  const states = new Set(files.flatMap((f) => (f.states ?? []).map((s) => s.code)));
  files.forEach((f, k) => (f.orgs ?? []).forEach((o, i) => {
    const where = `${paths[k]}: orgs[${i}] (${o.name ?? o.type})`;
    if (o.type && !types.has(o.type)) throw new Error(`${where}: unknown institution type "${o.type}" (known: ${[...types].join(', ')})`);
    if (o.country && !states.has(o.country)) throw new Error(`${where}: unknown state "${o.country}"`);
  }));
}

