// Numbers for strings, given in order of first sight: a window's hot loops compare numbers,
// not strings (country parts, parties, documents).

/** A numbering: the same number for the same string, -1 for none. */
export function numbering(): (s: string | undefined) => number {
  const ids = new Map<string, number>();
  return (s) => {
    if (s === undefined) return -1;
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
}
