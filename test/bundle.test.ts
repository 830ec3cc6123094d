import { execFile } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { workspace } from './cli-helpers.js'
import { ROOT, SEEDS } from './helpers.js'

/** The bundled CLI, the package's bin, as `npm run build` (part of `npm test`) makes it. */
const BUNDLE = join(ROOT, 'dist', 'bundle')
const BIN = join(BUNDLE, 'cli', 'main.js')
const run = promisify(execFile)

/**
 * Loader hooks that print the URL of each file Node loads, to standard error: what a command
 * loads is what it costs to start.
 */
const HOOKS = `data:text/javascript,${encodeURIComponent(`export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('loaded ' + url + '\\n'); return next(url, context) }`)}`
const REGISTER = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(HOOKS)})`)}`

/** The modules of undoc's source and of node_modules that running the bin with these arguments loads, as the bundle's path comments name them. */
async function modulesLoaded(...args: string[]): Promise<Set<string>> {
  const { stderr } = await run(process.execPath, ['--import', REGISTER, BIN, ...args], { cwd: ROOT })
  const files = [...stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => new URL(m[1]!))
  return new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:pipeline|node_modules)\/\S+)$/gm)].map((m) => m[1]!)))
}

describe('the bundled CLI', () => {
  it('loads nothing but its entry and the package version for --version', async () => {
    expect([...(await modulesLoaded('--version'))].sort()).toEqual(['pipeline/cli/main.ts', 'pipeline/core/package-root.ts'])
  })

  it('loads no stage of the pipeline, no run engine and no writer for --help', async () => {
    const loaded = [...(await modulesLoaded('--help'))]
    expect(loaded).toContain('pipeline/cli/commands/build.ts')
    for (const heavy of [
      'pipeline/batch/',
      'pipeline/document/',
      'pipeline/normalize/index.ts',
      'pipeline/read/',
      'pipeline/emit/markdown/',
      'pipeline/emit/pdf/',
      'node_modules/remark',
      'node_modules/micromark',
      'node_modules/ajv/'
    ]) {
      expect(loaded.filter((m) => m.startsWith(heavy))).toEqual([])
    }
  })

  it('puts every file one folder deep, so that a module finds the worker at ../batch/worker.js from wherever it landed', async () => {
    const files = readdirSync(BUNDLE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.js'))
    expect(files.length).toBeGreaterThan(2)
    for (const file of files) expect(existsSync(join(BUNDLE, dirname(file), '..', 'batch', 'worker.js'))).toBe(true)
    const worker = (await import(pathToFileURL(join(BUNDLE, 'batch', 'worker.js')).href)) as { default: unknown }
    expect(typeof worker.default).toBe('function')
  })

  it('builds the seeds on worker threads into the committed JSON, Markdown and Akoma Ntoso, byte for byte', async () => {
    const dir = workspace()
    await run(process.execPath, [BIN, 'build', 'input', '--out', 'output', '--jobs', '2', '--formats', 'json,markdown,akn', '--quiet'], { cwd: dir }).catch((error: { code?: number }) => {
      if (error.code !== 1) throw error
    })
    const names = readdirSync(join(ROOT, 'output')).filter((n) => !n.startsWith('.') && !n.endsWith('.pdf'))
    expect(names.length).toBeGreaterThan(Object.keys(SEEDS).length)
    for (const name of names) expect(readFileSync(join(dir, 'output', name)), name).toEqual(readFileSync(join(ROOT, 'output', name)))
  }, 120_000)
})
