// The static checks of `npm test`, run at once, one per core: the types (tsc over the pipeline and
// the tests), the layering (dependency-cruiser), the code (typescript-eslint), unused exports and
// dependencies (knip) and the formatting (prettier). Each reads the tree on its own and none writes,
// so they need not wait for each other; one after another they were a minute of a 2-core CI run.
// Each check's output is printed whole, in this order, when all have ended; the exit code is 1
// when any failed, naming them.
import { spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = join(fileURLToPath(import.meta.url), '..', '..')
const bin = (name) => join(ROOT, 'node_modules', '.bin', name)

const CHECKS = [
  ['types', 'tsc', ['-p', 'tsconfig.test.json']],
  ['layering', 'depcruise', ['pipeline', '--config', '.dependency-cruiser.cjs', '--output-type', 'err']],
  ['code', 'eslint', ['.']],
  ['unused', 'knip', []],
  ['format', 'prettier', ['--check', '.', '--log-level', 'warn']]
]

function run([name, command, args]) {
  return new Promise((resolve) => {
    const child = spawn(bin(command), args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (d) => (output += d))
    child.stderr.on('data', (d) => (output += d))
    child.on('error', (error) => resolve({ name, ok: false, output: `${output}${error.message}\n` }))
    child.on('close', (code) => resolve({ name, ok: code === 0, output }))
  })
}

const results = new Array(CHECKS.length)
let next = 0
await Promise.all(
  Array.from({ length: Math.min(availableParallelism(), CHECKS.length) }, async () => {
    while (next < CHECKS.length) {
      const i = next++
      results[i] = await run(CHECKS[i])
    }
  })
)
for (const { name, ok, output } of results) {
  if (output.trim() !== '') process.stdout.write(`${name}:\n${output.trimEnd()}\n`)
  else if (!ok) process.stdout.write(`${name}: failed\n`)
}
const failed = results.filter((r) => !r.ok).map((r) => r.name)
if (failed.length > 0) {
  process.stderr.write(`static checks failed: ${failed.join(', ')}\n`)
  process.exit(1)
}
