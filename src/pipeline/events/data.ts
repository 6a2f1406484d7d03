// Loads the event knowledge kept in data/plover once per process.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

const DATA_DIR = new URL('../../../data/plover/', import.meta.url);

const cache = new Map<string, unknown>();

/** The parsed YAML file data/plover/<name>.yaml, read once. */
export function ploverData<T>(name: string): T {
  let value = cache.get(name);
  if (value === undefined) {
    value = parse(readFileSync(new URL(`${name}.yaml`, DATA_DIR), 'utf8'));
    cache.set(name, value);
  }
  return value as T;
}
