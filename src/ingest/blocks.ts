// A block is one paragraph-level piece of a source before cleaning: the unit that boilerplate
// rules keep or drop. Its text is plain (no markup); lines wrapped inside it keep their newline.

export type BlockKind = 'paragraph' | 'heading' | 'caption';

export interface Block {
  text: string;
  kind: BlockKind;
  level?: number;        // heading level, 1..6
}

/**
 * Trims every line, removes empty lines at the ends, collapses runs of spaces and tabs, and composes
 * accents (NFC) and removes invisible soft hyphens and zero-width spaces, so that names match.
 */
export function tidyText(text: string): string {
  const composed = alreadyComposed(text) ? text : text.normalize('NFC');
  const visible = INVISIBLE.test(composed) ? composed.replace(INVISIBLE_ALL, '') : composed;
  // spaces and tabs never run across a line break, so the whole text is collapsed at once
  const collapsed = SPACE_RUN.test(visible) ? visible.replace(SPACES, ' ') : visible;
  return collapsed
    .split('\n')
    .map((line) => line.trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n');
}

const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/;
const INVISIBLE_ALL = /[\u00AD\u200B\u2060\uFEFF]/g;
/** Something for SPACES to change: a tab, a no-break space, or two spaces in a row. */
const SPACE_RUN = /[\t\u00A0]| {2}/;
const SPACES = /[ \t\u00A0]+/g;

/**
 * Whether NFC would leave the text as it is, seen without calling it: every character is below
 * U+0300 (Latin letters come precomposed there, and no combining mark is) or general punctuation
 * and currency signs from U+2002 to U+20CF; such characters neither decompose nor compose.
 */
function alreadyComposed(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x300 && (c < 0x2002 || c > 0x20cf)) return false;
  }
  return true;
}
