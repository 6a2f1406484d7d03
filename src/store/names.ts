// An actor's names as lookup keys: folded names, and for persons spelling-free skeletons of the
// full name and the surname, so that any transliteration finds them.
import { foldName, personKey } from '../link/names.ts';

export function spellingKey(name: string): string {
  const { given, surname } = personKey(name);
  return 'sk:' + [...given, surname].join(' ');
}

export function nameKeys(kind: string, names: string[]): Set<string> {
  const keys = new Set(names.map(foldName).filter(Boolean));
  if (kind === 'person') {
    for (const n of names) {
      const { surname } = personKey(n);
      keys.add(spellingKey(n));
      if (surname) keys.add('sk:' + surname);
    }
  }
  return keys;
}
