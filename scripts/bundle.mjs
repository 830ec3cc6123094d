// Bundles the CLI and the worker thread's module with esbuild into dist/bundle/, which the
// package's bin and `npm start` run: a command then loads a few files instead of hundreds of
// modules, each of which Node resolves, reads and compiles on its own (that was most of the
// half second `undoc --version` took). What a command loads only when it needs it (dynamic
// imports: the Markdown reader and writer, the PDF writer, the run engine) stays in chunks of
// its own, so splitting keeps `undoc --help` from loading them.
//
// The output mirrors pipeline/ for its entry points (dist/bundle/cli/main.js,
// dist/bundle/batch/worker.js), and every file of it is one folder deep: a module that finds
// another by a path relative to its own (the run engine finds the worker at ../batch/worker.js)
// finds it in the bundle as it does in tsc's output. The same sources give the same bytes
// (esbuild is deterministic; chunk names are hashes of their content); source maps are written
// beside each file (run with NODE_OPTIONS=--enable-source-maps to have stack traces use them).
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
export const BUNDLE_DIR = join(ROOT, 'dist', 'bundle')

/** The bundle's entry points: the CLI, and the module piscina loads in each worker thread. */
const ENTRIES = ['pipeline/cli/main.ts', 'pipeline/batch/worker.ts']

/**
 * Packages left to node_modules: they read files beside their own code (pdfkit its font
 * metrics, piscina its worker script, classic-level its native binding), or are another's
 * (fontkit is pdfkit's, and one copy of it must parse the fonts both use).
 */
const EXTERNAL = ['classic-level', 'piscina', 'pdfkit', 'fontkit']

/**
 * The bundle requires these packages (their CommonJS builds) where the source imports them: an
 * import of a CommonJS package made Node scan its whole text for the names it exports (pdfkit's
 * 200 KB), and an import of fontkit loaded its ES module build, a second fontkit beside the one
 * pdfkit requires; the two took a quarter of a second of the first PDF's start.
 */
const requireExternals = {
  name: 'require-externals',
  setup(build) {
    const names = new RegExp(`^(${EXTERNAL.join('|')})$`)
    build.onResolve({ filter: names, namespace: 'file' }, (args) => ({ path: args.path, namespace: 'required' }))
    build.onResolve({ filter: names, namespace: 'required' }, (args) => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)})`, loader: 'js' }))
  }
}

rmSync(BUNDLE_DIR, { recursive: true, force: true })
await build({
  absWorkingDir: ROOT,
  entryPoints: ENTRIES,
  outbase: 'pipeline',
  outdir: BUNDLE_DIR,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [requireExternals],
  sourcemap: 'linked',
  // CommonJS packages bundled into ES modules still call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning'
})
