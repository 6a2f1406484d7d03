// Builds the web app into web/dist: one minified script bundling preact and the views, the page
// and the style sheet. Run by `npm install` (the prepare script) and `npm run build:web`.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
const dist = here('./dist/');
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [here('./src/main.tsx')],
  bundle: true, minify: true, format: 'esm', target: 'es2022', sourcemap: false,
  jsx: 'automatic', jsxImportSource: 'preact',
  outfile: `${dist}app.js`, logLevel: 'warning',
});
for (const f of ['index.html', 'app.css']) copyFileSync(here(`./${f}`), `${dist}${f}`);
process.stdout.write(`web app built in ${dist}\n`);
