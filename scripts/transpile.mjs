// Compiles pipeline/ into dist/pipeline/ with esbuild, one module per source file, as tsc would
// emit them. Type checking is not this step's job: `npm test` (and `npm run typecheck`) run tsc
// over the pipeline and the tests together, once. `npm ci` runs the build (prepare) and `npm test`
// runs it again, so a build that also type-checked checked the pipeline three times per CI run.
// tsconfig.json's isolatedModules makes tsc refuse what a file-by-file compiler cannot compile.
// dist/pipeline/ is emptied first: a module removed or renamed in pipeline/ must not live on there.
import { readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const OUT = join(ROOT, 'dist', 'pipeline')

const sources = readdirSync(join(ROOT, 'pipeline'), { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
  .map((file) => join('pipeline', file))
  .sort()

rmSync(OUT, { recursive: true, force: true })
await build({
  absWorkingDir: ROOT,
  entryPoints: sources,
  outbase: 'pipeline',
  outdir: OUT,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning'
})
