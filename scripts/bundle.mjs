// Bundles the CLI and the worker thread's module with esbuild into dist/bundle/, which the
// package's bin and `npm start` run: a command then loads a few files instead of hundreds of
// modules, each of which Node resolves, reads and compiles on its own (that was most of the
// half second `undoc --version` took).
//
// Two bundles. The entries (dist/bundle/cli/main.js, dist/bundle/batch/worker.js) are small ES
// modules: the CLI's holds the commands' declarations, all that `undoc --help` and `--version`
// load. What the commands and the worker run is one CommonJS file, dist/bundle/cli/commands.cjs,
// which they load through cli/code-cache.ts with the code V8 compiled for it at build time
// (scripts/code-cache.mjs): V8 keeps no code of an ES module between runs on Node 20, and most of
// a command's start went to compiling the pipeline. In it, what a command needs only sometimes
// (the Markdown reader, the PDF writer) is evaluated only when it does.
//
// The output mirrors pipeline/ for its entry points, and every file of it is one folder deep: a
// module that finds another by a path relative to its own (the run engine finds the worker at
// ../batch/worker.js, the entries the commands at ../cli/commands.cjs) finds it in the bundle as
// it does in tsc's output. The same sources give the same bytes (esbuild is deterministic; chunk
// names are hashes of their content); source maps are written beside each file (run with
// NODE_OPTIONS=--enable-source-maps to have stack traces use them).
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
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
const requireExternals = (packages) => ({
  name: 'require-externals',
  setup(build) {
    const names = new RegExp(`^(${packages.join('|')})$`)
    build.onResolve({ filter: names, namespace: 'file' }, (args) => ({ path: args.path, namespace: 'required' }))
    build.onResolve({ filter: names, namespace: 'required' }, (args) => ({ path: args.path, external: true }))
    build.onLoad({ filter: /.*/, namespace: 'required' }, (args) => ({ contents: `module.exports = require(${JSON.stringify(args.path)})`, loader: 'js' }))
  }
})

/**
 * Left out of the commands' bundle as well: the Markdown reader's YAML parser (a quarter of the
 * bundle), which only a Markdown source needs. Every run reads the whole bundle and its cache.
 */
const EXTERNAL_TO_COMMANDS = [...EXTERNAL, 'yaml']

/**
 * The commands' modules the CLI imports when a command runs (import('./build.js') in
 * cli/commands/index.ts), recorded as the CLI is bundled: the bundle takes each out of the
 * commands' CommonJS bundle (cli/code-cache.ts), whose entry exports them by name. The worker
 * thread's module is taken out of it too, as 'worker': a pool's every thread loads it.
 */
const commandModules = new Set()
const COMMANDS_INDEX = join(ROOT, 'pipeline', 'cli', 'commands', 'index.ts')
const WORKER = join(ROOT, 'pipeline', 'batch', 'worker.ts')
const CODE_CACHE = join(ROOT, 'pipeline', 'cli', 'code-cache.ts')
const fromCommandsBundle = {
  name: 'from-commands-bundle',
  setup(build) {
    build.onResolve({ filter: /^\.\/[\w-]+\.js$/ }, (args) => {
      if (args.kind !== 'dynamic-import' || args.importer !== COMMANDS_INDEX) return undefined
      const name = args.path.slice(2, -3)
      commandModules.add(name)
      return { path: name, namespace: 'bundled-command' }
    })
    build.onLoad({ filter: /.*/, namespace: 'bundled-command' }, async (args) => {
      const names = await exportsOf(join(ROOT, 'pipeline', 'cli', 'commands', `${args.path}.ts`))
      return {
        contents: [
          `import { fromCommandsBundle } from ${JSON.stringify(CODE_CACHE)}`,
          `const command = fromCommandsBundle(${JSON.stringify(args.path)})`,
          ...names.map((name) => `export const ${name} = command.${name}`)
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts'
      }
    })
    build.onLoad({ filter: /[\\/]pipeline[\\/]batch[\\/]worker\.ts$/ }, (args) =>
      args.path === WORKER ? { contents: `import { fromCommandsBundle } from ${JSON.stringify(CODE_CACHE)}\nexport default fromCommandsBundle('worker').default`, loader: 'ts' } : undefined
    )
  }
}

/** The names a module exports, as esbuild reads them. */
async function exportsOf(file) {
  const { metafile } = await build({ entryPoints: [file], bundle: false, write: false, metafile: true, format: 'esm', outdir: BUNDLE_DIR, logLevel: 'silent' })
  return Object.values(metafile.outputs).flatMap((output) => output.exports)
}

const options = {
  absWorkingDir: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning'
}

rmSync(BUNDLE_DIR, { recursive: true, force: true })
await build({
  ...options,
  entryPoints: ENTRIES,
  outbase: 'pipeline',
  outdir: BUNDLE_DIR,
  entryNames: '[dir]/[name]',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  plugins: [requireExternals(EXTERNAL), fromCommandsBundle],
  // CommonJS packages bundled into ES modules still call require() for Node's own modules.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" }
})
// The commands, one CommonJS file (V8 caches the code of a script, never of an ES module, on
// Node 20): what a command loads only when it needs it stays unevaluated until then, and the
// code cache holds only the functions a run compiled. import.meta.url, which modules find their
// files by, is the file's URL as it is in an ES module.
const COMMANDS = join(BUNDLE_DIR, 'cli', 'commands.cjs')
await build({
  ...options,
  stdin: {
    contents: [
      ...[...commandModules].sort().map((name) => `export * as ${JSON.stringify(name)} from './pipeline/cli/commands/${name}.ts'`),
      "export * as worker from './pipeline/batch/worker.ts'"
    ].join('\n'),
    resolveDir: ROOT,
    sourcefile: 'commands.ts',
    loader: 'ts'
  },
  outfile: COMMANDS,
  format: 'cjs',
  plugins: [requireExternals(EXTERNAL_TO_COMMANDS)],
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" }
})
// Every character outside ASCII written as its \u escape (esbuild escapes those of strings, not
// those of comments and regular expression literals, where an escape means the same character):
// Node reads an ASCII file into a one-byte string several times as fast as it decodes UTF-8, and
// every run reads all of it. The escapes lengthen a few lines: their columns in the source map
// are off. A backslash before such a character (an identity escape in a pattern) would make the
// escape a literal "u…": none is written today, and the build stops if one ever is.
const commands = readFileSync(COMMANDS, 'utf8')
if (/\\[^\0-\x7f]/.test(commands)) throw new Error('bundle: a backslash before a character outside ASCII in commands.cjs; escape it in the source')
writeFileSync(
  COMMANDS,
  commands.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
)
