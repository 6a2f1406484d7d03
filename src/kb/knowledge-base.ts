// The actor knowledge base: reads the YAML files under data/kb (and a user's own files) and
// builds the actors with their name forms. The public entry point of src/kb.
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readKbFile, yamlFiles } from './files.ts';
import { KbBuilder } from './builder.ts';
import type { KnowledgeBase } from './types.ts';

export type { KbName, KnowledgeBase, NameForm, NameMatch, Office, Place } from './types.ts';

export interface LoadOptions { kbFiles?: string[] }

/** The shipped knowledge: data/kb at the root of the package. */
export const KB_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'kb');

/** Load the shipped files and the user's `kbFiles`; throws an Error naming a file that does not fit. */
export function loadKnowledgeBase(options: LoadOptions = {}): KnowledgeBase {
  const files = [...yamlFiles(KB_DIR), ...(options.kbFiles ?? [])].map(readKbFile);
  return new KbBuilder(files).build();
}

