// Placeholder: the knowledge base loader is being written.
import type { Actor } from '../model/types.ts';

export interface LoadOptions { kbFiles?: string[] }

export interface KnowledgeBase {
  actors: Map<string, Actor>;
}

export function loadKnowledgeBase(_options: LoadOptions = {}): KnowledgeBase {
  return { actors: new Map() };
}
