/** A store file this sitrep cannot use: written by a newer version, or not a sitrep store. */
export class StoreSchemaError extends Error {
  constructor(message: string) { super(message); this.name = 'StoreSchemaError'; }
}
