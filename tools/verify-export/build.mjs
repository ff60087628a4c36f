// Builds dist/tools/keyward.mjs: the offline tools as one ES module that runs with plain node and
// nothing installed (yauzl, canonicalize and csv-stringify bundled in). Run by `npm run build`.
//   node tools/verify-export/build.mjs [--outfile <path>] [--metafile <path>]
import { build } from 'esbuild';
import { writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? resolve(process.argv[at + 1]) : fallback;
};
const outfile = option('outfile', resolve(root, 'dist/tools/keyward.mjs'));
const metafile = option('metafile', null);

// What must never end up in the file: the server's frameworks and native modules, and the writer's ZIP library.
const SERVER_ONLY = /node_modules\/(@nestjs|@apollo|argon2|better-sqlite3|@eventstore|express|pino|archiver)\//;

/**
 * Our libraries are plain TypeScript without import-time side effects; saying so lets esbuild drop
 * the modules the verifier does not use (the bundle writer and archiver, address ranges and
 * ipaddr.js), which it must otherwise keep for the CommonJS packages they require.
 */
const ourSourcesArePure = {
  name: 'keyward-sources-are-pure',
  setup(pluginBuild) {
    const libs = resolve(root, 'libs') + sep;
    pluginBuild.onResolve({ filter: /^(@keyward\/|\.\.?\/)/ }, async (args) => {
      if (args.pluginData?.isResolving) return undefined;
      const { path, errors, warnings, external } = await pluginBuild.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: { isResolving: true },
      });
      if (errors.length > 0) return { errors, warnings };
      return { path, external, warnings, ...(path.startsWith(libs) ? { sideEffects: false } : {}) };
    });
  },
};

const result = await build({
  entryPoints: [resolve(root, 'tools/verify-export/keyward.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  tsconfig: resolve(root, 'tsconfig.base.json'),
  // CommonJS dependencies (yauzl) call require() for Node's built-ins; an ES module has none.
  banner: { js: "import { createRequire as __keywardCreateRequire } from 'node:module';\nconst require = __keywardCreateRequire(import.meta.url);" },
  legalComments: 'eof',
  metafile: true,
  plugins: [ourSourcesArePure],
  logLevel: 'warning',
});

const [output] = Object.values(result.metafile.outputs);
const inputs = Object.entries(output.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([path]) => path);
const forbidden = inputs.filter((input) => SERVER_ONLY.test(input));
if (forbidden.length > 0) {
  console.error(`keyward.mjs must not bundle server code: ${forbidden.slice(0, 5).join(', ')}`);
  process.exit(1);
}
if (metafile) await writeFile(metafile, JSON.stringify(result.metafile));
console.log(`built ${outfile} (${Math.round(output.bytes / 1024)} KiB, ${inputs.length} modules)`);
