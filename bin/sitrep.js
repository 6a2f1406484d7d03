#!/usr/bin/env node
// Runs the code in src/: from a bundle of it (bin/bundle.js, made again whenever a source
// changes), or through tsx where no bundle can be made.
import { bundle, useBundle } from './bundle.js';

const made = await bundle();
if (made) {
  process.setSourceMapsEnabled(true);   // errors name the TypeScript sources' lines
  useBundle(made);
  await import(made.entries.main);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
