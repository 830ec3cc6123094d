import { execFile } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { workspace } from './cli-helpers.js'
import { ROOT, SEEDS } from './helpers.js'

/** The bundled CLI, the package's bin, as `npm run build` (part of `npm test`) makes it. */
const BUNDLE = join(ROOT, 'dist', 'bundle')
const BIN = join(BUNDLE, 'cli', 'main.js')
/** The commands' CommonJS bundle, which the bin compiles with its code cache (cli/code-cache.ts). */
const COMMANDS = join(BUNDLE, 'cli', 'commands.cjs')
const run = promisify(execFile)

/**
 * Loader hooks that print the URL of each file Node loads as an ES module, each file of the
 * bundle read (the commands' CommonJS bundle and its code cache, which cli/code-cache.ts compiles
 * itself), and at exit each file it loaded with require() (CommonJS packages, and the validators
 * compiled at build time), to standard error: what a command loads is what it costs to start.
 */
const HOOKS = `data:text/javascript,${encodeURIComponent(`export async function load(url, context, next) { if (url.startsWith('file:')) process.stderr.write('loaded ' + url + '\\n'); return next(url, context) }`)}`
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register, createRequire, syncBuiltinESMExports } from 'node:module'; import fs from 'node:fs'; register(${JSON.stringify(HOOKS)});
  const readFileSync = fs.readFileSync; fs.readFileSync = function (file, ...rest) { if (String(file).startsWith(${JSON.stringify(BUNDLE)})) process.stderr.write('read ' + file + '\\n'); return readFileSync.call(this, file, ...rest) }; syncBuiltinESMExports();
  process.on('exit', () => { for (const f of Object.keys(createRequire(process.execPath).cache)) process.stderr.write('required ' + f + '\\n') })`
)}`

/** What running the bin with these arguments loads: the bundle's files, the modules of undoc's source and of node_modules in them (as the bundle's path comments name them), and the files it required. */
async function loads(...args: string[]): Promise<{ files: string[]; modules: string[]; required: string[] }> {
  const { stderr } = await run(process.execPath, ['--import', REGISTER, BIN, ...args], { cwd: ROOT })
  const read = [...stderr.matchAll(/^read (\S+\.cjs)$/gm)].map((m) => pathToFileURL(m[1]!))
  const files = [...[...stderr.matchAll(/^loaded (file:\S+)$/gm)].map((m) => new URL(m[1]!)), ...read]
  const modules = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/^\/\/ ((?:pipeline|node_modules)\/\S+)$/gm)].map((m) => m[1]!)))
  return {
    files: files.map((f) => relative(BUNDLE, fileURLToPath(f))),
    modules: [...modules].sort(),
    required: [...stderr.matchAll(/^required (\S+)$/gm)].map((m) => m[1]!)
  }
}

/** What compiling a bundle file in a Node process of its own, with these flags, finds of its code cache. */
async function cacheUse(file: string, flags: string[] = []): Promise<string> {
  const codeCache = pathToFileURL(join(ROOT, 'dist', 'pipeline', 'cli', 'code-cache.js')).href
  const script = `const { loadCached } = await import(${JSON.stringify(codeCache)}); process.stdout.write(loadCached(${JSON.stringify(file)}).cache)`
  return (await run(process.execPath, [...flags, '--input-type=module', '-e', script], { cwd: ROOT })).stdout
}

/**
 * All that `undoc --help` and `--version` may load: the entry, the commands' declarations and the
 * names their help lists. A static import of anything more (a command's module, a stage, a
 * package) adds to it and fails the test below.
 */
const STARTUP_MODULES = ['pipeline/cli/commands/index.ts', 'pipeline/cli/main.ts', 'pipeline/cli/reporters/names.ts', 'pipeline/core/package-root.ts', 'pipeline/emit/formats.ts']

describe('the bundled CLI', () => {
  for (const args of [['--version'], ['--help'], ['build', '--help'], ['validate', '--help']]) {
    it(`loads only the entry, the commands' declarations and the package version for undoc ${args.join(' ')}`, async () => {
      const loaded = await loads(...args)
      expect(loaded.modules).toEqual(STARTUP_MODULES)
      expect(loaded.required).toEqual([])
      // The bundle's files that hold them, and esbuild's helpers: no chunk of the pipeline's.
      expect(loaded.files[0]).toBe(join('cli', 'main.js'))
      expect(loaded.files.length).toBeLessThanOrEqual(STARTUP_MODULES.length)
    })
  }

  it('finds what a startup that loads more looks like: a command run loads its module, the pipeline and the validators compiled at build time', async () => {
    const loaded = await loads(
      'validate',
      join(
        'input',
        readdirSync(join(ROOT, 'input')).find((n) => n.endsWith('.zh.txt'))!
      )
    )
    expect(loaded.modules).toContain('pipeline/cli/commands/validate.ts')
    expect(loaded.modules).toContain('pipeline/normalize/index.ts')
    // The validators compiled at build time, and not ajv, which compiles schemas.
    expect(loaded.required.some((f) => f.endsWith(join('precompiled', 'document.cjs')))).toBe(true)
    expect(loaded.required.filter((f) => f.includes(join('node_modules', 'ajv', 'dist', 'ajv.js')))).toEqual([])
  })

  it('writes the Markdown of a seed without loading yaml, whose writer is a quarter of the code a build loads', async () => {
    const out = mkdtempSync(join(tmpdir(), 'undoc-markdown-'))
    const loaded = await loads('build', SEEDS.resolution, '--out', out, '--formats', 'json,markdown', '--quiet')
    expect(loaded.modules).toContain('pipeline/emit/markdown/index.ts')
    expect(loaded.modules.filter((m) => m.startsWith('node_modules/yaml/'))).toEqual([])
    expect(loaded.required.filter((f) => f.includes(join('node_modules', 'yaml')))).toEqual([])
  })

  it('stops with the reason when the schemas were not compiled at build time, instead of compiling them at run time', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'undoc-unbuilt-'))
    cpSync(BUNDLE, join(copy, 'dist', 'bundle'), { recursive: true })
    for (const name of ['package.json', 'schemas', 'data', SEEDS.resolution]) cpSync(join(ROOT, name), join(copy, name), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'))
    const failed = await run(process.execPath, [join(copy, 'dist', 'bundle', 'cli', 'main.js'), 'validate', SEEDS.resolution], { cwd: copy }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error
    )
    expect(failed?.code).toBe(2)
    expect(failed?.stderr).toMatch(/precompiled\/[\w.]+\.cjs is missing: the schemas are compiled into code when undoc is built, and this copy was not \(run npm run build\)/)
  })

  it("runs a command out of the commands' bundle, compiled with the code V8 cached when undoc was built", async () => {
    const { stderr } = await run(process.execPath, ['--import', REGISTER, BIN, 'validate', SEEDS.resolution], { cwd: ROOT }).catch((error: { stderr: string }) => error)
    expect(stderr).toContain(`read ${COMMANDS}\n`)
    expect(stderr).toContain(`read ${COMMANDS}.v8-cache\n`)
    expect(await cacheUse(COMMANDS)).toBe('used')
  })

  it('compiles the commands from their source, with the same outputs, when the cache is damaged, made by another V8 or missing', async () => {
    const copy = mkdtempSync(join(tmpdir(), 'undoc-code-cache-'))
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true })
    for (const name of ['package.json', 'schemas', 'data', 'input']) cpSync(join(ROOT, name), join(copy, name), { recursive: true })
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'))
    const commands = join(copy, 'dist', 'bundle', 'cli', 'commands.cjs')
    // V8 turns down a cache made under other flags: this one changes the young generation's size.
    expect(await cacheUse(commands, ['--max-semi-space-size=64'])).toBe('rejected')
    const cache = readFileSync(`${commands}.v8-cache`)
    writeFileSync(`${commands}.v8-cache`, Buffer.concat([cache.subarray(0, 64), Buffer.alloc(cache.length - 64, 0x5a)]))
    expect(await cacheUse(commands)).toBe('rejected')
    const built = async (): Promise<void> => {
      rmSync(join(copy, 'output'), { recursive: true, force: true })
      await run(process.execPath, [join(copy, 'dist', 'bundle', 'cli', 'main.js'), 'build', SEEDS.resolution, '--out', 'output', '--formats', 'json,markdown', '--quiet'], { cwd: copy })
      for (const extension of ['.json', '.md']) {
        const name = basename(SEEDS.resolution).replace(/\.txt$/, extension)
        expect(readFileSync(join(copy, 'output', name)), name).toEqual(readFileSync(join(ROOT, 'output', name)))
      }
    }
    await built()
    rmSync(`${commands}.v8-cache`)
    expect(await cacheUse(commands)).toBe('absent')
    await built()
  }, 60_000)

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
