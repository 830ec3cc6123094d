import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs'
import { spawn } from 'node:child_process'
import { tmpdir } from 'node:os'
import { setTimeout as sleep } from 'node:timers/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runBuild } from '../pipeline/batch/run-build.js'
import { outputName } from '../pipeline/io/sources.js'
import { NO_PDF, undoc, workspace } from './cli-helpers.js'
import { ROOT, SEEDS } from './helpers.js'

/**
 * The run engine's guarantees on a shared volume: what undoc never reads, writes or deletes.
 * Builds run in this thread (--jobs 1), on the JSON and Markdown editions.
 */
const BUILD = ['build', ...NO_PDF, '--jobs', '1'] as const
const MANIFEST = '.undoc-manifest.jsonl'

/** Every file under a folder with its bytes, by path relative to it (dot files included). */
function tree(dir: string): Map<string, Buffer> {
  const files = new Map<string, Buffer>()
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(join(entry.parentPath, entry.name).slice(dir.length + 1), readFileSync(join(entry.parentPath, entry.name)))
  }
  return files
}

/** A workspace whose input/ also holds a Markdown source, which an output of the same name would replace. */
function withMarkdownSource(): string {
  const dir = workspace()
  writeFileSync(join(dir, 'input', 'note.zh.md'), '# 说明\n\n大会，\n\n1. 决定将该项目列入议程。\n')
  return dir
}

describe('an output folder apart from the inputs', () => {
  it.each([
    ['is the input folder', ['input'], 'input'],
    ['is the input folder spelled otherwise', ['input/'], './input/../input'],
    ['is inside the input folder', ['input'], 'input/out'],
    ['is inside it, not made yet, two levels down', ['input'], 'input/a/b'],
    ['holds the input folder', ['input'], '.'],
    ['holds an input file', ['input/note.zh.md'], '.'],
    ['is reached through a link to the input folder', ['input'], 'link-to-input']
  ])('refuses an output folder that %s, and writes nothing', async (_, paths, out) => {
    const dir = withMarkdownSource()
    symlinkSync('input', join(dir, 'link-to-input'))
    const before = tree(join(dir, 'input'))
    const run = await undoc(dir, ...BUILD, ...paths, '--out', out)
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/error {2}Refused: (the output folder is|the input .* is inside the output folder).* {2}usage/)
    expect(tree(join(dir, 'input'))).toEqual(before)
    expect(existsSync(join(dir, 'input', 'out'))).toBe(false)
    expect(existsSync(join(dir, 'input', 'a'))).toBe(false)
  })

  it('refuses an output folder that holds the configuration it reads', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'conf'))
    writeFileSync(join(dir, 'conf', 'undoc.config.json'), '{"rules": {}}\n')
    const run = await undoc(dir, ...BUILD, '--config', 'conf/undoc.config.json', '--out', 'conf')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Refused: the input "conf/undoc.config.json" is inside the output folder')
    expect(readdirSync(join(dir, 'conf'))).toEqual(['undoc.config.json'])
  })

  it('refuses an empty --out', async () => {
    const dir = workspace()
    const run = await undoc(dir, ...BUILD, '--out', '')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('The output folder is empty')
    expect(readdirSync(dir).sort()).toEqual(['input'])
  })

  it('never reads its outputs back as sources: two builds with --out in/out are both refused, leaving the sources as they were', async () => {
    const dir = withMarkdownSource()
    const before = tree(join(dir, 'input'))
    for (let i = 0; i < 2; i++) {
      const run = await undoc(dir, ...BUILD, 'input', '--out', 'input/out')
      expect(run.code).toBe(2)
      expect(run.stderr).not.toContain('output-clash')
      expect(tree(join(dir, 'input'))).toEqual(before)
    }
  })

  it('builds into a sibling folder, and again with nothing to do', async () => {
    const dir = withMarkdownSource()
    const before = tree(join(dir, 'input'))
    expect((await undoc(dir, ...BUILD, 'input', '--out', 'input-out')).code).toBe(0)
    expect(existsSync(join(dir, 'input-out', 'note.zh.md'))).toBe(true)
    const again = await undoc(dir, ...BUILD, 'input', '--out', 'input-out')
    expect(again.code).toBe(0)
    expect(again.stderr).toMatch(/3 documents: 0 built, 3 skipped/)
    expect(tree(join(dir, 'input'))).toEqual(before)
  })

  it.each([
    ['a source', 'input/a-res-67-264.zh.txt'],
    ['a Markdown source', 'input/note.zh.md'],
    ['a sidecar', 'input/a-res-67-264.zh.meta.json'],
    ['a new file with a source name in an input folder', 'input/new.zh.txt'],
    ['a source through a link to its folder', 'link-to-input/note.zh.md']
  ])('edition refuses to write its volume over %s', async (_, target) => {
    const dir = withMarkdownSource()
    writeFileSync(join(dir, 'input', 'a-res-67-264.zh.meta.json'), '{}\n')
    symlinkSync('input', join(dir, 'link-to-input'))
    const before = tree(join(dir, 'input'))
    const run = await undoc(dir, 'edition', 'input', '--title', 'T', '-o', target)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Refused')
    expect(tree(join(dir, 'input'))).toEqual(before)
  })
})

describe('what a build deletes', () => {
  it.each([
    ['a parent folder', '../victim.txt'],
    ['an absolute path', '/VICTIM'],
    ['a linked folder', 'elsewhere/victim.txt'],
    ['the folder itself', '..']
  ])('refuses a manifest whose entry names an output through %s, and deletes nothing', async (_, name) => {
    const dir = workspace()
    expect((await undoc(dir, ...BUILD)).code).toBe(0)
    const victims = join(dir, 'victims')
    mkdirSync(victims)
    writeFileSync(join(dir, 'victim.txt'), 'keep me')
    writeFileSync(join(victims, 'victim.txt'), 'keep me')
    symlinkSync(victims, join(dir, 'output', 'elsewhere'))
    const outside = name === '/VICTIM' ? join(victims, 'victim.txt') : name
    // The letter's entry lists the name among its outputs, and the letter is gone: a build removes a gone source's outputs.
    const manifest = join(dir, 'output', MANIFEST)
    const planted = { name: outside, sha256: '0'.repeat(64), size: 7, mtimeNs: '1' }
    writeFileSync(manifest, readFileSync(manifest, 'utf8').replace('"outputs":[', `"outputs":[${JSON.stringify(planted)},`))
    expect(readFileSync(manifest, 'utf8')).toContain(JSON.stringify(outside))
    const letter = readFileSync(join(dir, SEEDS.letter))
    writeFileSync(join(dir, SEEDS.letter), '')
    const run = await undoc(dir, ...BUILD)
    expect(run.stderr).toContain(`output/${MANIFEST}:1:1  error  Refused this build manifest. It names an output outside its folder (${JSON.stringify(outside)}`)
    expect(run.code).toBe(1)
    expect(readFileSync(join(dir, 'victim.txt'), 'utf8')).toBe('keep me')
    expect(readFileSync(join(victims, 'victim.txt'), 'utf8')).toBe('keep me')
    // The manifest written anew names its own outputs only; the next build is clean.
    writeFileSync(join(dir, SEEDS.letter), letter)
    const next = await undoc(dir, ...BUILD)
    expect(next.code).toBe(0)
    expect(readFileSync(manifest, 'utf8')).not.toContain(JSON.stringify(outside))
  })
})

describe('shards', () => {
  /** A corpus of twelve small documents in base/corpus/input. */
  function shardCorpus(): string {
    const base = mkdtempSync(join(tmpdir(), 'undoc-shards-'))
    const input = join(base, 'corpus', 'input')
    mkdirSync(input, { recursive: true })
    const text = readFileSync(join(ROOT, 'test', 'fixtures', 'kinds', 'a-dec-66-555.zh.txt'), 'utf8')
    for (let i = 1; i <= 12; i++) writeFileSync(join(input, `a-dec-66-${500 + i}.zh.txt`), text.replace('66/555', `66/${500 + i}`))
    cpSync(join(ROOT, SEEDS.letter), join(input, 'letter.zh.txt'))
    return base
  }

  /** The documents each shard of N takes, by output name, run from `cwd` on `path`. */
  async function shares(cwd: string, path: string, count: number): Promise<Map<string, number>> {
    const taken = new Map<string, number>()
    for (let index = 1; index <= count; index++) {
      await runBuild({
        paths: [path],
        cwd,
        jobs: 1,
        shard: { index, count },
        report: {
          severities: [],
          write: () => undefined,
          source: (p) => {
            expect(taken.has(outputName(p)), `${p} in two shards`).toBe(false)
            taken.set(outputName(p), index)
          }
        }
      })
    }
    return taken
  }

  it.each([2, 3, 7])('puts every document in exactly one of %i shards, the same one whatever the working folder and path form', async (count) => {
    const base = shardCorpus()
    const input = join(base, 'corpus', 'input')
    const forms: [cwd: string, path: string][] = [
      [join(base, 'corpus'), 'input'],
      [join(base, 'corpus'), 'input/'],
      [base, 'corpus/input'],
      [input, '.'],
      ['/', input],
      [join(base, 'corpus'), `${input}/`],
      [tmpdir(), join(base, 'corpus', '..', 'corpus', 'input')]
    ]
    const all = readdirSync(input).map(outputName).sort()
    let first: Map<string, number> | undefined
    for (const [cwd, path] of forms) {
      const taken = await shares(cwd, path, count)
      expect([...taken.keys()].sort(), `${cwd} ${path}`).toEqual(all)
      first ??= taken
      expect(taken, `${cwd} ${path}`).toEqual(first)
    }
    // Not all in one shard: the names spread.
    expect(new Set(first!.values()).size).toBeGreaterThan(1)
  })
})

describe("undoc's own names in the output folder", () => {
  it.each([
    ['index.txt', 'index.json'],
    ['INDEX.md', 'INDEX.json'],
    ['sub/Index.text', 'Index.json'],
    ['.undoc-manifest.txt', '.undoc-manifest.json'],
    ['.index.json.tmp-host-1-0123abcd.md', '.index.json.tmp-host-1-0123abcd.md']
  ])('refuses a source named %s with a diagnostic, builds the others, and keeps the corpus index', async (name, written) => {
    const dir = workspace()
    mkdirSync(join(dir, 'input', 'sub'))
    const source = join(dir, 'input', name)
    writeFileSync(source, readFileSync(join(dir, SEEDS.letter)))
    // A name starting with "." is skipped in a folder's listing: it is named on the command line.
    const paths = name.startsWith('.') ? ['input', `input/${name}`] : ['input']
    const run = await undoc(dir, ...BUILD, ...paths)
    expect(run.stderr).toContain(`input/${name}:1:1  error  Not built:`)
    expect(run.stderr).toContain('reserved-name')
    expect(run.code).toBe(1)
    // The corpus index is the one file of that name, and it is the index of the two others.
    if (written !== 'index.json') expect(readdirSync(join(dir, 'output'))).not.toContain(written)
    const index = JSON.parse(readFileSync(join(dir, 'output', 'index.json'), 'utf8')) as { documents: unknown[] }
    expect(index.documents).toHaveLength(2)
    // check does not call the outputs current while a source is refused.
    const check = await undoc(dir, 'check', ...paths)
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('reserved-name')
  })
})

describe('links out of the folders given', () => {
  /** A workspace with a secret outside input/, and links to it. */
  function withSecret(): { dir: string; secret: string } {
    const dir = workspace()
    const secret = join(dir, 'secret')
    mkdirSync(secret)
    writeFileSync(join(secret, 'passwd.zh.txt'), 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n')
    writeFileSync(join(secret, 'meta.json'), 'root:x:0:0:SECRET-LINE:/root:/bin/bash\n')
    return { dir, secret }
  }
  const published = (dir: string) =>
    readdirSync(join(dir, 'output'))
      .map((n) => readFileSync(join(dir, 'output', n), 'utf8'))
      .some((t) => t.includes('SECRET'))

  it.each([
    ['a source', (secret: string, input: string) => symlinkSync(join(secret, 'passwd.zh.txt'), join(input, 'p.zh.txt')), 'input/p.zh.txt'],
    ['a folder', (secret: string, input: string) => symlinkSync(secret, join(input, 'sub')), 'input/sub'],
    ['a relative link up and out', (_: string, input: string) => symlinkSync('../secret/passwd.zh.txt', join(input, 'up.zh.txt')), 'input/up.zh.txt'],
    ['a sidecar', (secret: string, input: string) => symlinkSync(join(secret, 'meta.json'), join(input, 'a-res-67-264.zh.meta.json')), 'input/a-res-67-264.zh.meta.json']
  ])('does not follow %s linked outside, names it, and never quotes what it leads to', async (_, link, named) => {
    const { dir, secret } = withSecret()
    link(secret, join(dir, 'input'))
    const run = await undoc(dir, ...BUILD)
    expect(run.stderr).toContain(`${named}:1:1  error  A link to secret`)
    expect(run.stderr).toContain('link-outside')
    expect(run.stderr).not.toContain('SECRET')
    expect(run.code).toBe(1)
    expect(published(dir)).toBe(false)
    expect(existsSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.json'))).toBe(true)
    // validate says the same.
    expect((await undoc(dir, 'validate')).stdout).toContain('link-outside')
    // Followed when asked.
    const followed = await undoc(dir, ...BUILD, '--follow-links')
    expect(followed.stderr).not.toContain('link-outside')
  })

  it('refuses a source named on the command line that links outside its folder', async () => {
    const { dir, secret } = withSecret()
    symlinkSync(join(secret, 'passwd.zh.txt'), join(dir, 'input', 'p.zh.txt'))
    const run = await undoc(dir, ...BUILD, 'input/p.zh.txt')
    expect(run.stderr).toContain('link-outside')
    expect(published(dir)).toBe(false)
  })

  it('follows links that stay within the folders given, and a folder given as a link', async () => {
    const dir = workspace()
    mkdirSync(join(dir, 'input', 'sub'))
    symlinkSync('../a-res-67-264.zh.txt', join(dir, 'input', 'sub', 'again.zh.txt'))
    symlinkSync('input', join(dir, 'via-link'))
    const run = await undoc(dir, ...BUILD, 'via-link')
    expect(run.stderr).not.toContain('link-outside')
    expect(run.code).toBe(0)
    expect(existsSync(join(dir, 'output', 'again.zh.json'))).toBe(true)
  })
})

describe('outputs deleted or edited since a build', () => {
  /** The outputs (not undoc's own dot files) by name. */
  const outputs = (dir: string) => new Map([...tree(join(dir, 'output'))].filter(([name]) => !name.startsWith('.')))
  const built = (stderr: string) => Number(/(\d+) built/.exec(stderr)?.[1])

  it('are built again by an incremental build, and check agrees before and after', async () => {
    const dir = withMarkdownSource()
    expect((await undoc(dir, ...BUILD)).code).toBe(0)
    const clean = outputs(dir)
    const out = (name: string) => join(dir, 'output', name)
    // Deleted; edited to the same size (a character for another); edited to another size; touched only.
    rmSync(out('a-res-67-264.zh.json'))
    const markdown = readFileSync(out('a-65-letter-kazakhstan-astana-declaration.zh.md'), 'utf8')
    writeFileSync(out('a-65-letter-kazakhstan-astana-declaration.zh.md'), markdown.replace('大会', '大家'))
    writeFileSync(out('note.zh.json'), '{}\n')
    const check = await undoc(dir, 'check')
    expect(check.code).toBe(1)
    expect(check.stderr).toContain('output/a-res-67-264.zh.json  missing')
    expect(check.stderr).toContain('output/a-65-letter-kazakhstan-astana-declaration.zh.md  stale')
    expect(check.stderr).toContain('output/note.zh.json  stale')
    const run = await undoc(dir, ...BUILD)
    expect(run.code).toBe(0)
    expect(built(run.stderr)).toBe(3)
    expect(outputs(dir)).toEqual(clean)
    expect((await undoc(dir, 'check')).code).toBe(0)
  })

  it('are left alone when only their times changed, and hashed once, not at every build', async () => {
    const dir = workspace()
    expect((await undoc(dir, ...BUILD)).code).toBe(0)
    const earlier = new Date(Date.now() - 3_600_000)
    for (const name of readdirSync(join(dir, 'output'))) if (!name.startsWith('.')) utimesSync(join(dir, 'output', name), earlier, earlier)
    const first = await undoc(dir, ...BUILD)
    expect(built(first.stderr)).toBe(0)
    const manifest = readFileSync(join(dir, 'output', MANIFEST), 'utf8')
    const second = await undoc(dir, ...BUILD)
    expect(built(second.stderr)).toBe(0)
    // The refreshed stamps were recorded: the second build had nothing to write.
    expect(readFileSync(join(dir, 'output', MANIFEST), 'utf8')).toBe(manifest)
  })

  it('are built again when an output was replaced by a folder', async () => {
    const dir = workspace()
    expect((await undoc(dir, ...BUILD)).code).toBe(0)
    const json = join(dir, 'output', 'a-res-67-264.zh.json')
    const bytes = readFileSync(json)
    rmSync(json)
    mkdirSync(json)
    const run = await undoc(dir, ...BUILD)
    // It cannot be written over a folder: said, and the next build tries again.
    expect(run.stderr).toContain('a-res-67-264.zh.json:1:1  error  Cannot write the output')
    rmSync(json, { recursive: true })
    expect(built((await undoc(dir, ...BUILD)).stderr)).toBe(1)
    expect(readFileSync(json)).toEqual(bytes)
  })
})

describe('a build killed with SIGKILL', () => {
  const CLI = join(ROOT, 'dist', 'pipeline', 'cli', 'main.js')
  const N = 24

  /** N copies of the letter under other names: documents that cite none of each other, so none is built again for its links. */
  function letters(): string {
    const dir = mkdtempSync(join(tmpdir(), 'undoc-resume-'))
    mkdirSync(join(dir, 'input'))
    for (let i = 1; i <= N; i++) cpSync(join(ROOT, SEEDS.letter), join(dir, 'input', `letter-${String(i).padStart(2, '0')}.zh.txt`))
    return dir
  }

  /** The entries the journal of the run of process `pid` holds whole (an entry line, then its diagnostics line), after its header. */
  function journaledIn(dir: string, pid: number): string[] {
    const journal = (existsSync(join(dir, 'output')) ? readdirSync(join(dir, 'output')) : []).find((n) => n.startsWith('.undoc-manifest.journal.tmp-') && n.includes(`-${pid}-`))
    if (journal === undefined) return []
    const lines = readFileSync(join(dir, 'output', journal), 'utf8')
      .split('\n')
      .slice(1, -1)
    const paths: string[] = []
    for (let i = 0; i + 1 < lines.length; i += 2) paths.push((JSON.parse(lines[i]!) as { path: string }).path)
    return paths
  }

  /** Starts a build and kills it once its journal holds at least `k` documents. */
  async function killedAfter(dir: string, k: number): Promise<string[]> {
    const child = spawn(process.execPath, [CLI, ...BUILD], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: 'ignore' })
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    let ended = false
    void exited.then(() => (ended = true))
    while (!ended && journaledIn(dir, child.pid!).length < k) await sleep(2)
    child.kill('SIGKILL')
    await exited
    return journaledIn(dir, child.pid!)
  }

  it('resumes: the next build takes what the killed one journaled, builds only the rest, to the bytes of an uninterrupted build', { timeout: 300_000 }, async () => {
    const whole = letters()
    expect((await undoc(whole, ...BUILD)).code).toBe(0)
    const dir = letters()
    const finished = await killedAfter(dir, 3)
    expect(finished.length).toBeGreaterThanOrEqual(3)
    expect(finished.length).toBeLessThan(N)
    const run = await undoc(dir, ...BUILD)
    expect(run.code).toBe(0)
    expect(run.stderr).toMatch(new RegExp(`${N} documents: ${N - finished.length} built, ${finished.length} skipped`))
    const outputs = (d: string) => new Map([...tree(join(d, 'output'))].filter(([name]) => !name.startsWith('.')))
    expect(outputs(dir)).toEqual(outputs(whole))
    // Nothing left of the killed run, and nothing to do now.
    expect(readdirSync(join(dir, 'output')).filter((n) => n.includes('.tmp-'))).toEqual([])
    expect((await undoc(dir, ...BUILD)).stderr).toContain(`${N} documents: 0 built, ${N} skipped`)
  })

  it('resumes a run killed twice, keeping what each finished', { timeout: 300_000 }, async () => {
    const dir = letters()
    const first = await killedAfter(dir, 2)
    const second = await killedAfter(dir, 2)
    expect(first.length + second.length).toBeLessThan(N)
    const run = await undoc(dir, ...BUILD)
    expect(run.stderr).toContain(`${N} documents: ${N - first.length - second.length} built`)
  })

  it('does not take what a killed run journaled under another configuration', { timeout: 300_000 }, async () => {
    const dir = letters()
    const finished = await killedAfter(dir, 2)
    expect(finished.length).toBeGreaterThanOrEqual(2)
    writeFileSync(join(dir, 'undoc.config.json'), '{"rules": {}}\n')
    const run = await undoc(dir, ...BUILD)
    expect(run.stderr).toContain(`${N} documents: ${N} built, 0 skipped`)
  })
})
