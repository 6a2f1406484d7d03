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
  return text.normalize('NFC').replace(/[\u00AD\u200B\u2060\uFEFF]/g, '')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n');
}
