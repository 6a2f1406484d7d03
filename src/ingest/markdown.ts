// Markdown (and plain text, which is markdown without markup) to plain-text blocks.
// Only what articles use is handled: headings, rules, links, images, emphasis, escapes,
// inline HTML, lists, block quotes, code spans and fences.
import { decodeEntities } from './entities.ts';
import { tidyText, type Block } from './blocks.ts';

// Escaped punctuation is moved to the private use area while markup is removed, then restored,
// so that "\*" or "\$" survive as literal characters.
const ESCAPE_BASE = 0xe000;
const ESCAPABLE = /\\([!-/:-@[-`{-~])/g;
const PROTECTED = /[\ue000-\ue07f]/g;

function protectEscapes(text: string): string {
  return text.replace(ESCAPABLE, (_m, c: string) => String.fromCharCode(ESCAPE_BASE + c.charCodeAt(0)));
}

function restoreEscapes(text: string): string {
  return text.replace(PROTECTED, (c) => String.fromCharCode(c.charCodeAt(0) - ESCAPE_BASE));
}

const LINK_TARGET = '\\((?:[^()\\s]|\\([^()\\s]{0,500}\\)){0,2000}(?:\\s+(?:"[^"]{0,500}"|\'[^\']{0,500}\'))?\\s*\\)';
const IMAGE = new RegExp(`!\\[[^\\]]{0,500}\\](?:${LINK_TARGET}|\\[[^\\]]{0,200}\\])`, 'g');
const LINK = new RegExp(`\\[((?:[^\\[\\]]|\\[[^\\[\\]]{0,500}\\]){0,1000})\\]${LINK_TARGET}`, 'g');
const REF_LINK = /\[((?:[^[\]]|\[[^[\]]{0,500}\]){1,1000})\]\[[^\]]{0,200}\]/g;
const AUTOLINK = /<((?:https?:\/\/|mailto:)[^<>\s]{1,2000})>/gi;
const HTML_COMMENT = /<!--[\s\S]{0,5000}?-->/g;
const HTML_BREAK = /<br\s*\/?>/gi;
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>]{0,1000})?\/?>/g;

/** Removes inline markup from one block's text. */
export function inlineToText(text: string): string {
  let s = text;
  s = s.replace(/`+([^`]{1,500}?)`+/g, '$1');
  s = s.replace(IMAGE, '');
  for (let i = 0; i < 3; i++) {
    const before = s;
    s = s.replace(LINK, '$1').replace(REF_LINK, '$1');
    if (s === before) break;
  }
  s = s.replace(AUTOLINK, (_m, url: string) => url.replace(/^mailto:/i, ''));
  s = s.replace(HTML_COMMENT, '').replace(HTML_BREAK, ' ').replace(HTML_TAG, '');
  // most text has no emphasis marks at all: the patterns (the underscore one is slow on any
  // text, it tries every position) run only where their mark is
  for (let i = 0; i < 2; i++) {
    if (s.includes('*') || s.includes('__')) {
      s = s.replace(/(\*\*|__)(?=\S)([\s\S]{0,2000}?\S)\1/g, '$2');
      s = s.replace(/\*(?=[^\s*])([\s\S]{0,2000}?[^\s*])\*/g, '$1');
      s = s.replace(/\*([^\s*])\*/g, '$1');
    }
    if (s.includes('_')) s = s.replace(/(^|[^\p{L}\p{N}_])_(?=[^\s_])([\s\S]{0,2000}?[^\s_])_(?![\p{L}\p{N}_])/gu, '$1$2');
    if (s.includes('~~')) s = s.replace(/~~(?=\S)([\s\S]{0,2000}?\S)~~/g, '$1');
  }
  return decodeEntities(s);
}

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const RULE = /^ {0,3}(?:([-*_])[ \t]*){3,}$/;
const LONE_MARK = /^[\s\-*_•·=~#]*$/; // what is left of "\*", "* * *", "#" once markup is gone
const REF_DEFINITION = /^ {0,3}\[[^\]]+\]:\s*\S+.*$/;
const FENCE = /^ {0,3}(```|~~~)/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function stripLinePrefix(line: string): string {
  return line
    .replace(/^ {0,3}(?:>[ \t]?)+/, '')                // block quote
    .replace(/^\s{0,6}(?:[-*+•]|\d{1,3}[.)])[ \t]+(?=\S)/, ''); // list item marker
}

/** Splits markdown into blocks: paragraphs at blank lines, each heading its own block. */
export function markdownToBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  let lines: string[] = [];

  const flush = (): void => {
    if (lines.length === 0) return;
    const text = tidyText(restoreEscapes(inlineToText(lines.join('\n'))));
    lines = [];
    if (text && !LONE_MARK.test(text)) blocks.push({ text, kind: 'paragraph' });
  };
  const heading = (raw: string, level: number): void => {
    flush();
    const text = tidyText(restoreEscapes(inlineToText(raw)));
    if (text && !LONE_MARK.test(text)) blocks.push({ text, kind: 'heading', level });
  };

  let inFence = false;
  for (const rawLine of protectEscapes(markdown).split('\n')) {
    if (FENCE.test(rawLine)) { flush(); inFence = !inFence; continue; }
    if (inFence) { if (rawLine.trim()) lines.push(rawLine); else flush(); continue; }
    if (!rawLine.trim()) { flush(); continue; }
    const atx = ATX_HEADING.exec(rawLine);
    if (atx) { heading(atx[2] ?? '', atx[1].length); continue; }
    if (lines.length === 1 && SETEXT.test(rawLine) && !RULE.test(lines[0])) {
      const title = lines[0];
      lines = [];
      heading(title, rawLine.trim()[0] === '=' ? 1 : 2);
      continue;
    }
    if (RULE.test(rawLine) || TABLE_RULE.test(rawLine) || REF_DEFINITION.test(rawLine)) { flush(); continue; }
    const line = stripLinePrefix(rawLine);
    if (!line.trim()) { flush(); continue; }
    lines.push(line);
  }
  flush();
  return blocks;
}

/** Plain text: paragraphs at blank lines, nothing else touched. */
export function plainToBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const part of text.split(/\n[ \t\u00A0]*\n/)) {
    const t = tidyText(part);
    if (t && !LONE_MARK.test(t)) blocks.push({ text: t, kind: 'paragraph' });
  }
  return blocks;
}

/** Signs that a .txt file is written in markdown. */
export function looksLikeMarkdown(text: string): boolean {
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  return /^ {0,3}#{1,6}[ \t]+\S/m.test(sample)
    || /\[[^\]\n]{1,300}\]\([^)\s]{0,500}\)/.test(sample)
    || /\*\*[^*\n]{1,300}\*\*/.test(sample)
    || /^[ \t]*([*_])[^*_\n]{1,2000}\1[ \t]*$/m.test(sample)
    || /^[ \t]*(?:\*\*\*|---|___)[ \t]*$/m.test(sample)
    || /\\[*_#[\]$`]/.test(sample);
}
