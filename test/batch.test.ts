import { spawn } from 'node:child_process'
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { main } from '../pipeline/cli/main.js'
import { removeStaleTemps, tempPath } from '../pipeline/io/write.js'
import { runBuild } from '../pipeline/batch/run-build.js'
import { buildCorpusIndex } from '../pipeline/batch/corpus-index.js'
import { emitJson } from '../pipeline/emit/json/index.js'
import type { DocumentSummary } from '../pipeline/types/index.js'
import { NO_PDF, undoc, workspace } from './cli-helpers.js'
import { ROOT, SEEDS } from './helpers.js'

const CLI = join(ROOT, 'dist', 'pipeline', 'cli', 'main.js')
const MANIFEST = '.undoc-manifest.jsonl'
/** The editions of NO_PDF, for runBuild. */
const FORMATS = NO_PDF[1].split(',')

/** The seeds and a later resolution that cites the seed resolution (A/RES/67/264), so the corpus links. */
function corpus(): string {
  const dir = workspace()
  const text = readFileSync(join(dir, SEEDS.resolution), 'utf8').replaceAll('67/264', '68/1').replace('第 37/4 号', '第 67/264 号')
  writeFileSync(join(dir, 'input', 'a-res-68-1.zh.txt'), text)
  return dir
}

/** The outputs (not the manifest, which holds file times) by name. */
function outputs(dir: string, folder = 'output'): Map<string, Buffer> {
  return new Map(
    readdirSync(join(dir, folder))
      .filter((n) => !n.startsWith('.'))
      .sort()
      .map((n) => [n, readFileSync(join(dir, folder, n))])
  )
}

/** "N documents: B built, S skipped…": what the run did, from its summary line. */
function did(stderr: string): { documents: number; built: number; skipped: number } {
  const m = /^(\d+) documents?: (\d+) built, (\d+) skipped/m.exec(stderr)
  if (!m) throw new Error(`no summary line in ${stderr}`)
  return { documents: Number(m[1]), built: Number(m[2]), skipped: Number(m[3]) }
}

function targets(dir: string, name: string): string[] {
  const json = readFileSync(join(dir, 'output', `${name}.json`), 'utf8')
  return [...json.matchAll(/"target":"([^"]+)"/g)].map((m) => m[1]!)
}

describe('batch builds', () => {
  it('writes the same bytes on worker threads as in one thread, links included', async () => {
    const one = corpus()
    const two = corpus()
    expect((await undoc(one, 'build', ...NO_PDF, '--jobs', '1')).code).toBe(0)
    expect((await undoc(two, 'build', ...NO_PDF, '--jobs', '2')).code).toBe(0)
    const a = outputs(one)
    const b = outputs(two)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true)
    expect(targets(one, 'a-res-68-1.zh')).toContain('a-res-67-264.zh')
  })

  /** How many worker threads a build of the three-document corpus starts, on `jobs` of them when given. */
  async function threadsStarted(jobs?: number): Promise<number> {
    const dir = corpus()
    let started = 0
    const count = () => void started++
    process.on('worker', count)
    try {
      const result = await runBuild({ paths: ['input'], out: 'output', cwd: dir, ...(jobs !== undefined ? { jobs } : {}), formats: FORMATS })
      expect(result.stats).toMatchObject({ documents: 3, built: 3 })
    } finally {
      process.off('worker', count)
    }
    return started
  }

  it('starts one pool of as many threads as jobs, however many builds wait for it to start', async () => {
    expect(await threadsStarted(2)).toBe(2)
  })

  it('builds a small run in this thread when --jobs is not given: a worker costs more to start than a few documents take', async () => {
    expect(await threadsStarted()).toBe(0)
  })

  // 16 MB lets a worker start but not build a seed; 4 MB does not let it start (then the pool
  // fails outside any task). Either way every document is built, in the main thread, as in one.
  it.each([16, 4])('builds in the main thread what a worker heap of %i MB cannot hold, to the same bytes', async (workerHeapMb) => {
    const one = corpus()
    const small = corpus()
    await runBuild({ paths: ['input'], out: 'output', cwd: one, jobs: 1, formats: FORMATS })
    const result = await runBuild({ paths: ['input'], out: 'output', cwd: small, jobs: 2, workerHeapMb, formats: FORMATS })
    expect(result).toMatchObject({ errors: 0, ioError: false, stats: { documents: 3, built: 3 } })
    const a = outputs(one)
    const b = outputs(small)
    expect([...b.keys()]).toEqual([...a.keys()])
    for (const [name, bytes] of a) expect(b.get(name)!.equals(bytes), name).toBe(true)
  })

  it('writes each document once, already linked to the documents of the corpus it cites, new or forced', async () => {
    const dir = corpus()
    const result = await runBuild({ paths: ['input'], out: 'output', cwd: dir, jobs: 1, formats: FORMATS })
    expect(result.stats).toMatchObject({ documents: 3, built: 3, work: 3 })
    expect(targets(dir, 'a-res-68-1.zh')).toContain('a-res-67-264.zh')
    // Built again from scratch, each is linked by what it cited before: still written once.
    const forced = await runBuild({ paths: ['input'], out: 'output', cwd: dir, jobs: 1, force: true, formats: FORMATS })
    expect(forced.stats).toMatchObject({ documents: 3, built: 3, work: 3 })
    expect(targets(dir, 'a-res-68-1.zh')).toContain('a-res-67-264.zh')
  })

  it('does no document work when nothing changed, still writes the index, and survives a corrupt manifest', async () => {
    const dir = corpus()
    const first = await undoc(dir, 'build', ...NO_PDF)
    expect(did(first.stderr)).toEqual({ documents: 3, built: 3, skipped: 0 })
    const before = outputs(dir)
    rmSync(join(dir, 'output', 'index.json'))
    const again = await undoc(dir, 'build', ...NO_PDF)
    expect(again.code).toBe(0)
    expect(did(again.stderr)).toEqual({ documents: 3, built: 0, skipped: 3 })
    expect(outputs(dir)).toEqual(before)
    // Nothing is left behind: no journal, no temporary file.
    expect(readdirSync(join(dir, 'output')).filter((n) => n.includes('.tmp-'))).toEqual([])
    // A manifest cut short (a line short of what its header counts) is no manifest, nor is a
    // corrupt one: everything is built again, to the same bytes.
    const manifest = readFileSync(join(dir, 'output', MANIFEST), 'utf8')
    for (const broken of [manifest.slice(0, manifest.lastIndexOf('\n', manifest.length - 2) + 1), '{"undoc": "0.1.0", "documents": [tru']) {
      writeFileSync(join(dir, 'output', MANIFEST), broken)
      const full = await undoc(dir, 'build', ...NO_PDF)
      expect(full.code).toBe(0)
      expect(did(full.stderr)).toEqual({ documents: 3, built: 3, skipped: 0 })
      expect(outputs(dir)).toEqual(before)
    }
  })

  it('streams index.json to the bytes of the corpus index made whole from the summaries', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const entries = readFileSync(join(dir, 'output', MANIFEST), 'utf8')
      .trimEnd()
      .split('\n')
      .slice(1)
      .filter((_, i) => i % 2 === 0)
    const summaries = entries.map((l) => (JSON.parse(l) as { summary: DocumentSummary }).summary)
    const whole = await buildCorpusIndex(summaries)
    expect(readFileSync(join(dir, 'output', 'index.json'), 'utf8')).toBe([...emitJson(whole)].join(''))
    expect(whole.documents.find((d) => d.name === 'a-res-67-264.zh')!.citedBy.map((b) => b.name)).toEqual(['a-res-68-1.zh'])
  })

  it('rebuilds a changed source, and the documents whose links it changes', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const letter = join(dir, SEEDS.letter)
    writeFileSync(letter, readFileSync(letter, 'utf8').replace('合作', '协作'))
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 1, skipped: 2 })
    expect(readFileSync(join(dir, 'output', 'a-65-letter-kazakhstan-astana-declaration.zh.json'), 'utf8')).toContain('协作')

    // The cited resolution gets another symbol: the resolution citing it loses its link.
    const cited = join(dir, SEEDS.resolution)
    writeFileSync(cited, readFileSync(cited, 'utf8').replaceAll('67/264', '67/999'))
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 2, skipped: 1 })
    expect(targets(dir, 'a-res-68-1.zh')).not.toContain('a-res-67-264.zh')
    // And the same bytes as a build from scratch.
    const fresh = outputs(dir)
    rmSync(join(dir, 'output'), { recursive: true })
    await undoc(dir, 'build', ...NO_PDF)
    expect(outputs(dir)).toEqual(fresh)
  })

  it('checks every link again after a build that stopped before it could, and only then when nothing changed', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const manifest = join(dir, 'output', MANIFEST)
    const lines = readFileSync(manifest, 'utf8').split('\n')
    // As a build stopped after writing the citing resolution, before linking it: no links yet.
    const citing = lines.findIndex((l) => l.startsWith('{') && l.includes('"path":"input/a-res-68-1.zh.txt"'))
    const unlinkedEntry = JSON.stringify({ ...JSON.parse(lines[citing]!), links: {} })
    const write = (header: object) => writeFileSync(manifest, [JSON.stringify(header), ...lines.slice(1, citing), unlinkedEntry, ...lines.slice(citing + 1)].join('\n'))
    const header = JSON.parse(lines[0]!) as object
    // Unmarked, a build with nothing changed trusts the links the manifest records.
    write(header)
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 0, skipped: 3 })
    write({ ...header, unlinked: true })
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 1, skipped: 2 })
    expect(targets(dir, 'a-res-68-1.zh')).toContain('a-res-67-264.zh')
    expect(JSON.parse(readFileSync(manifest, 'utf8').split('\n')[0]!)).not.toHaveProperty('unlinked')
  })

  it('tells a touched source from a changed one by its hash when only its time moved', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const letter = join(dir, SEEDS.letter)
    const entryOf = () =>
      readFileSync(join(dir, 'output', MANIFEST), 'utf8')
        .split('\n')
        .map((l) => JSON.parse(l || '{}') as { path?: string; input?: { sha256: string; mtimeNs: string } })
        .find((e) => e.path === SEEDS.letter)!
    const built = entryOf()
    // The same bytes under a new time: not built again, and the entry takes the new time.
    utimesSync(letter, new Date('2030-01-01'), new Date('2030-01-01'))
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 0, skipped: 3 })
    const touched = entryOf()
    expect(touched.input).toEqual({ ...built.input, mtimeNs: statSync(letter, { bigint: true }).mtimeNs.toString() })
    expect(touched.input!.mtimeNs).not.toBe(built.input!.mtimeNs)
    // Other bytes of the same size, under a new time: built again.
    const text = readFileSync(letter, 'utf8')
    expect(Buffer.byteLength('协作')).toBe(Buffer.byteLength('合作'))
    writeFileSync(letter, text.replace('合作', '协作'))
    utimesSync(letter, new Date('2031-01-01'), new Date('2031-01-01'))
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 1, skipped: 2 })
    expect(entryOf().input!.sha256).not.toBe(built.input!.sha256)
  })

  it('removes the outputs of a source that is gone, and rebuilds everything with --force', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    rmSync(join(dir, 'input', 'a-res-68-1.zh.txt'))
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(did(run.stderr)).toEqual({ documents: 2, built: 0, skipped: 2 })
    expect(existsSync(join(dir, 'output', 'a-res-68-1.zh.json'))).toBe(false)
    const [header, ...lines] = readFileSync(join(dir, 'output', MANIFEST), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { path: string; documents: number })
    expect(header!.documents).toBe(2)
    // Each source's entry, then its diagnostics.
    expect(lines.filter((_, i) => i % 2 === 0).map((e) => e.path)).toEqual([SEEDS.letter, SEEDS.resolution])
    expect(lines.filter((_, i) => i % 2 === 1).every((ds) => Array.isArray(ds))).toBe(true)
    const index = JSON.parse(readFileSync(join(dir, 'output', 'index.json'), 'utf8')) as { documents: unknown[] }
    expect(index.documents).toHaveLength(2)
    expect(did((await undoc(dir, 'build', ...NO_PDF, '--force')).stderr)).toEqual({ documents: 2, built: 2, skipped: 0 })
  })

  it('builds again the sources a killed build had named as pending, and removes the pending file', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const pending = join(dir, 'output', '.undoc-manifest.pending.jsonl')
    // As a build killed after naming the letter, before writing its manifest, leaves it; a line
    // cut short by the kill names nothing.
    writeFileSync(pending, `${JSON.stringify(SEEDS.letter)}\n"input/a-res-6`)
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 1, skipped: 2 })
    expect(existsSync(pending)).toBe(false)
    // A pending file that is not valid leaves nothing standing: everything is built.
    writeFileSync(pending, '{"paths": []}\n')
    expect(did((await undoc(dir, 'build', ...NO_PDF)).stderr)).toEqual({ documents: 3, built: 3, skipped: 0 })
    expect(existsSync(pending)).toBe(false)
  })

  it('says so when a line of diagnostics in the manifest was damaged since it was written', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF)
    const path = join(dir, 'output', MANIFEST)
    const lines = readFileSync(path, 'utf8').split('\n')
    lines[2] = '[{"file":"x"}]'
    writeFileSync(path, lines.join('\n'))
    const run = await undoc(dir, 'build', ...NO_PDF)
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(`output/${MANIFEST}:1:1  error  The diagnostics of ${SEEDS.letter} in this build manifest are damaged: build with --force to write it anew.  manifest-damaged`)
    expect((await undoc(dir, 'build', ...NO_PDF, '--force')).code).toBe(0)
  })

  it('replays the diagnostics of a document it skips', async () => {
    const dir = corpus()
    writeFileSync(join(dir, 'input', 'broken.zh.txt'), '   \n')
    const first = await undoc(dir, 'build', ...NO_PDF)
    const again = await undoc(dir, 'build', ...NO_PDF)
    expect(again.code).toBe(1)
    expect(did(again.stderr).built).toBe(0)
    expect(again.stderr.split('\n').filter((l) => l.startsWith('input/'))).toEqual(first.stderr.split('\n').filter((l) => l.startsWith('input/')))
  })

  it('merges the shards of a sharded build into the index a whole build writes', async () => {
    // Shards go by output name: renamed so that the cited resolution is in shard 2, its citer in shard 1.
    const split = (dir: string) => {
      renameSync(join(dir, SEEDS.resolution), join(dir, 'input', 'res-67-264.zh.txt'))
      return dir
    }
    const whole = split(corpus())
    await undoc(whole, 'build', ...NO_PDF)
    const sharded = split(corpus())
    const one = await undoc(sharded, 'build', ...NO_PDF, '--shard', '1/2')
    const two = await undoc(sharded, 'build', ...NO_PDF, '--shard', '2/2')
    expect(did(one.stderr).documents + did(two.stderr).documents).toBe(3)
    expect(existsSync(join(sharded, 'output', 'index.json'))).toBe(false)
    expect(
      readdirSync(join(sharded, 'output'))
        .filter((n) => n.startsWith('.undoc-shard-'))
        .sort()
    ).toEqual(['.undoc-shard-1-of-2.jsonl', '.undoc-shard-2-of-2.jsonl'])
    const merged = await undoc(sharded, 'index')
    expect(merged.code).toBe(0)
    expect(readFileSync(join(sharded, 'output', 'index.json'))).toEqual(readFileSync(join(whole, 'output', 'index.json')))
    // Built again with every shard's manifest beside it, each shard links into the others: the
    // outputs are those of the whole build, and only documents whose links changed were rebuilt.
    // (Shard 1 holds a-res-68-1, built before shard 2's manifest, with res-67-264, was there.)
    expect(targets(sharded, 'a-res-68-1.zh')).not.toContain('res-67-264.zh')
    const again = [await undoc(sharded, 'build', ...NO_PDF, '--shard', '1/2'), await undoc(sharded, 'build', ...NO_PDF, '--shard', '2/2')]
    expect(again.map((r) => did(r.stderr).built)).toEqual([1, 0])
    expect(targets(sharded, 'a-res-68-1.zh')).toContain('res-67-264.zh')
    expect((await undoc(sharded, 'index')).code).toBe(0)
    expect(outputs(sharded)).toEqual(outputs(whole))
  })

  it('refuses to merge when a shard is missing, and bad --jobs and --shard values', async () => {
    const dir = corpus()
    await undoc(dir, 'build', ...NO_PDF, '--shard', '2/3')
    const run = await undoc(dir, 'index')
    expect(run.code).toBe(2)
    expect(run.stderr).toContain('shard 1/3, 3/3 is missing')
    expect((await undoc(dir, 'build', ...NO_PDF, '--jobs', '0')).code).toBe(2)
    expect((await undoc(dir, 'build', ...NO_PDF, '--shard', '3/2')).code).toBe(2)
  })

  it('writes only the editions --formats names, and all of them again when it is dropped', async () => {
    const dir = corpus()
    const some = await undoc(dir, 'build', '--formats', 'json,markdown')
    expect(some.code).toBe(0)
    expect(some.stderr).not.toMatch(/pages/)
    const names = () => readdirSync(join(dir, 'output')).filter((n) => !n.startsWith('.'))
    expect(names().filter((n) => n.endsWith('.pdf') || n.endsWith('.akn.xml'))).toEqual([])
    expect(names().filter((n) => n.endsWith('.md'))).toHaveLength(3)
    // Another set of formats is another pipeline: everything is built again.
    expect(did((await undoc(dir, 'build')).stderr)).toEqual({ documents: 3, built: 3, skipped: 0 })
    expect(names().filter((n) => n.endsWith('.pdf'))).toHaveLength(3)
    expect(names().filter((n) => n.endsWith('.akn.xml'))).toHaveLength(3)
    const bad = await undoc(dir, 'build', '--formats', 'json,docx')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--formats takes a comma-separated list of json, markdown, akn, pdf')
  })

  it('prints one line with --quiet', async () => {
    const dir = corpus()
    const run = await undoc(dir, 'build', ...NO_PDF, '--quiet')
    expect(run.code).toBe(0)
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(run.stderr).toMatch(/^3 documents: 3 built, 0 skipped: 0 errors, \d+ warnings in \d+\.\d s\n$/)
  })

  it('shows a progress bar on a terminal only', async () => {
    const dir = corpus()
    let shown = ''
    const terminal = Object.assign(
      new Writable({
        write(chunk: Buffer, _enc, done) {
          shown += chunk.toString()
          done()
        }
      }),
      { isTTY: true, columns: 120 }
    )
    const code = await main(['build', ...NO_PDF, '--jobs', '1'], { stdout: process.stdout, stderr: terminal, cwd: dir, env: {} })
    expect(code).toBe(0)
    expect(shown).toMatch(/(\d+)\/\1 builds \| [\d.]+ docs\/s \| ETA \S+ \| \d+ warnings, 0 errors/)
    expect(shown).toContain('3 documents: 3 built, 0 skipped')
    // In CI (as undoc() runs it) there is no bar, only the summary line.
    expect((await undoc(dir, 'build', ...NO_PDF, '--force')).stderr).not.toContain('builds |')
  })

  it('clears the temporary files of dead builds on this machine, not those of other machines', async () => {
    const dir = workspace()
    const dead = tempPath(join(dir, 'a.json'), 2 ** 22 + 1)
    const alive = tempPath(join(dir, 'b.json'))
    const elsewhere = dead.replace(/\.tmp-[A-Za-z0-9]+-/, '.tmp-otherhost-')
    for (const f of [dead, alive, elsewhere]) writeFileSync(f, '')
    expect(await removeStaleTemps(dir)).toEqual([dead.split('/').pop()])
    expect(existsSync(alive) && existsSync(elsewhere)).toBe(true)
  })

  it('stops on Ctrl-C with exit code 130, workers ended and no temporary files left', async () => {
    const dir = workspace()
    for (const name of readdirSync(join(dir, 'input'))) {
      for (let i = 1; i < 50; i++) cpSync(join(dir, 'input', name), join(dir, 'input', name.replace('.zh.txt', `-${i}.zh.txt`)))
    }
    const child = spawn(process.execPath, [CLI, 'build', ...NO_PDF, '--jobs', '2'], { cwd: dir, env: { ...process.env, CI: 'true' }, stdio: ['ignore', 'ignore', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
    let running = true
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code))).finally(() => (running = false))
    // Interrupt once the workers are writing outputs, well before the 100 documents are done. A
    // build that ends first (or fails to start) stops the wait: the exit code below says so.
    while (running && !(existsSync(join(dir, 'output')) && readdirSync(join(dir, 'output')).filter((n) => n.endsWith('.json')).length >= 4)) {
      await new Promise((r) => setTimeout(r, 20))
    }
    child.kill('SIGINT')
    expect(await exited).toBe(130)
    expect(stderr).toMatch(/left \(interrupted\)/)
    const left = readdirSync(join(dir, 'output'))
    expect(left.filter((n) => n.includes('.tmp-'))).toEqual([])
    expect(left).not.toContain('index.json')
    // What it finished is recorded: the next build goes on from there.
    const rest = await undoc(dir, 'build', ...NO_PDF)
    expect(rest.code).toBe(0)
    const { built, skipped } = did(rest.stderr)
    expect(skipped).toBeGreaterThan(0)
    expect(built + skipped).toBe(100)
  })
})
