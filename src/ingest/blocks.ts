// A block is one paragraph-level piece of a source before cleaning: the unit that boilerplate
// rules keep or drop. Its text is plain (no markup); lines wrapped inside it keep their newline.

export type BlockKind = 'paragraph' | 'heading' | 'caption';

export interface Block {
  text: string;
  kind: BlockKind;
  level?: number;        // heading level, 1..6
}

/** Trims every line, removes empty lines at the ends, and collapses runs of spaces and tabs. */
export function tidyText(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t\u00A0]+/g, ' ').trim())
    .join('\n')
    .replace(/^\n+|\n+$/g, '')
    .replace(/\n{2,}/g, '\n');
}
