// What a run of the corpus linker leaves for the next one, so that a store that grows is linked
// incrementally: after each chunk, the links that can no longer grow are final and saved, and a
// snapshot of the linker's state lets a later run go on from that point with only the documents
// stored after it (and the carried chunk's events, read again from their digests). Links found
// after the last snapshot are saved as open: the next run finds them again, grown or not.
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CorpusLinks } from '../model/types.ts';
import type { NearDuplicateState } from './near-duplicates.ts';

/** Events of a same-event group or storyline so far: order of arrival and [doc, event]. */
export interface SavedMembers { seqs: number[]; refs: [string, string][] }

export interface LinkerSnapshot {
  version: number;
  /** Events per chunk: a run with another chunk size cannot go on from here. */
  chunk: number;
  /** Documents added up to here, and the stored position of the last. */
  docs: number;
  position: number;
  /** The carried chunk is the events of the documents after this position, up to `position`. */
  carryFrom: number;
  /** Order of arrival of the first carried event. */
  carrySeq: number;
  /** Open same-event groups, and for each carried event the index of its group or -1. */
  groups: SavedMembers[];
  carryGroup: number[];
  /** Open storylines: their events, what their cluster holds, their actor counts; per carried event its storyline or -1. */
  stories: { members: SavedMembers; parts: string[]; keys: [string, number][]; size: number; actors: [string, number][] }[];
  carryStory: number[];
  copies: NearDuplicateState;
  /** Actor id and the number of documents naming it, in the order first seen. */
  actors: [string, number][];
}

/** Links finished at a chunk's end (final), with the snapshot to go on from there. */
export interface LinkCheckpoint {
  sameEvent: CorpusLinks['sameEvent'];
  storylines: CorpusLinks['storylines'];
  nearDuplicates: NonNullable<CorpusLinks['nearDuplicates']>;
  /** The stored position of the last document the snapshot includes. */
  position: number;
  /** encodeSnapshot's text. */
  snapshot: string;
}

const DEFLATED = 'z:';

/** Text (for one column type in SQLite and PostgreSQL): JSON, deflated at level 1, in base64. */
export function encodeSnapshot(s: LinkerSnapshot): string {
  return DEFLATED + deflateRawSync(JSON.stringify(s), { level: 1 }).toString('base64');
}

export function decodeSnapshot(text: string): LinkerSnapshot {
  if (!text.startsWith(DEFLATED)) throw new Error('link snapshot: not a snapshot');
  return JSON.parse(inflateRawSync(Buffer.from(text.slice(DEFLATED.length), 'base64')).toString()) as LinkerSnapshot;
}
