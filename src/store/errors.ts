/** A store file this sitrep cannot use: written by a newer version, or not a sitrep store. */
export class StoreSchemaError extends Error {
  constructor(message: string) { super(message); this.name = 'StoreSchemaError'; }
}

/** A query the store cannot answer as asked: a malformed cursor, day or filter. `field` names the culprit (an API answers 400). */
export class StoreQueryError extends Error {
  constructor(readonly field: string, message: string) { super(`${field}: ${message}`); this.name = 'StoreQueryError'; }
}

/** Another linker saved links since this one read the link state: its work is dropped, the other's stands. */
export class LinkConflictError extends Error {
  constructor(message = 'the links were saved by another linker meanwhile') { super(message); this.name = 'LinkConflictError'; }
}
