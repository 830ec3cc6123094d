import { createHash } from 'node:crypto'
import { mkdir, readFile, stat, unlink } from 'node:fs/promises'
import { availableParallelism } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Piscina } from 'piscina'
import { outputName } from '../build/document.js'
import { fingerprintStats, runTask, sha256, type BuildTask, type TaskResult } from '../build/worker.js'
import { compareDiagnostics, errorCode, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { PACKAGE_ROOT, VERSION } from '../core/package-root.js'
import { buildCorpusIndex } from '../crossref/corpus-index.js'
import { emitJson } from '../emit/json/index.js'
import { MANIFEST_NAME, pipelineKey, readManifest, shardFileName, writeManifest } from '../io/manifest.js'
import { displayPath, findSources, type SourceFile } from '../io/sources.js'
import { removeStaleTemps, removeTemps, writeAtomic } from '../io/write.js'
import type { DocumentSummary } from '../types/index.js'
import type { Fingerprint, ManifestEntry, Shard } from '../types/manifest.js'
import { validate } from '../validate/index.js'
import { byCodeUnits } from '../core/order.js'

/** What a run keeps of each document: not the document itself, so memory does not grow with the corpus. */
export interface BuiltSource {
  readonly path: string
  readonly name: string
  /** False when the document had errors and nothing of it was written. */
  readonly built: boolean
  readonly summary?: DocumentSummary
}

/** The corpus index's file in the output folder. */
export const INDEX_NAME = 'index.json'

/** How far a run has got, reported after each document. */
export interface Progress {
  readonly done: number
  readonly total: number
  readonly warnings: number
  readonly errors: number
}

export interface RunOptions {
  readonly paths: readonly string[]
  /** Output folder; undefined to build without writing (validate). */
  readonly out?: string
  readonly cwd?: string
  /** Documents built at once, on worker threads when more than one (default: the cores). */
  readonly jobs?: number
  /** Build every source again, even those the manifest says are up to date. */
  readonly force?: boolean
  /** Build only this share of the sources, into a shard file instead of index.json. */
  readonly shard?: Shard
  readonly onProgress?: (progress: Progress) => void
  /** Aborted (on Ctrl-C): no document is started any more, workers end, temporary files go. */
  readonly signal?: AbortSignal
  /** Lint every document, with this configuration file (default: undoc.config.json if there is one). */
  readonly lint?: { readonly config?: string }
  /** The editions to write, by format (default: every emitter's). */
  readonly formats?: readonly string[]
}

export interface RunStats {
  /** Sources this run is responsible for. */
  readonly documents: number
  /** Sources built by this run. */
  readonly built: number
  /** Sources that were up to date. The rest, in an interrupted run, were not built. */
  readonly skipped: number
  /** Documents built, counting a second build (with the corpus's links) again. */
  readonly work: number
  /** Pages of the PDF editions, when there are any. */
  readonly pages?: number
}

export interface RunResult {
  readonly diagnostics: Diagnostic[]
  readonly builds: BuiltSource[]
  /** Set when the run itself could not go on (usage or I/O), as opposed to a document's errors. */
  readonly ioError: boolean
  /** Set when the run was aborted: not every source was built. */
  readonly interrupted: boolean
  readonly stats: RunStats
}

/**
 * Under vitest this module runs from its TypeScript source, which worker threads (plain Node)
 * cannot load: they run the compiled worker that `npm run build` (part of `npm test`) makes.
 */
const WORKER = import.meta.url.endsWith('.ts') ? join(PACKAGE_ROOT, 'dist', 'pipeline', 'build', 'worker.js') : fileURLToPath(new URL('../build/worker.js', import.meta.url))

/**
 * Builds every source under the given paths, on worker threads, each writing its document's
 * outputs atomically as soon as it is built; one bad file never stops the others. A manifest in
 * the output folder makes rebuilds incremental: a source whose bytes, sidecar, corpus links and
 * pipeline are unchanged is not built again, and the index is made from the stored summaries.
 */
export async function runBuild(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd()
  const found = await findSources(options.paths, cwd)
  const diagnostics = found.diagnostics
  let ioError = diagnostics.some((d) => d.ruleId === 'io-error' || d.ruleId === 'usage')
  const clashes = nameClashes(found.sources)
  diagnostics.push(...clashes.diagnostics)
  const shard = options.shard
  const inShare = (path: string) => shard === undefined || shardOf(path, shard.count) === shard.index
  const accepted = found.sources.filter((s) => !clashes.refused.has(s.path) && inShare(s.path))
  const out = options.out === undefined ? undefined : resolve(cwd, options.out)
  const empty: RunStats = { documents: accepted.length, built: 0, skipped: 0, work: 0 }
  if (out !== undefined) {
    try {
      await mkdir(out, { recursive: true })
      await removeStaleTemps(out)
    } catch (error) {
      diagnostics.push(fileDiagnostic(options.out!, `Cannot create the output folder (${errorCode(error)}).`))
      return { diagnostics: diagnostics.sort(compareDiagnostics), builds: [], ioError: true, interrupted: false, stats: empty }
    }
  }

  // What the output folder holds from earlier builds, and which of it this run answers for.
  const manifestPath = out === undefined ? undefined : join(out, shard ? shardFileName(shard) : MANIFEST_NAME)
  const key = await pipelineKey(cwd, options.lint?.config, options.formats)
  const previous = manifestPath === undefined ? undefined : await readManifest(manifestPath)
  const before = new Map((previous?.manifest.documents ?? []).map((e) => [e.path, e]))
  const reusable = previous !== undefined && previous.manifest.pipeline === key && !options.force
  const scope = options.paths.map((p) => displayPath(resolve(cwd, p), cwd))
  const covers = (path: string) => inShare(path) && scope.some((s) => s === '' || path === s || path.startsWith(`${s}/`))
  const present = new Set(accepted.map((s) => s.path))
  const entries = new Map<string, ManifestEntry>()
  const removed: ManifestEntry[] = []
  for (const e of before.values()) {
    if (!covers(e.path)) entries.set(e.path, e)
    else if (!present.has(e.path)) removed.push(e)
  }

  const remove = async (names: readonly string[]) => {
    for (const name of names) await unlink(join(out!, name)).catch(() => undefined)
  }
  // Set once index.json is known to be the one this manifest describes.
  let indexPrint: Fingerprint | undefined
  const saveManifest = async () => {
    if (manifestPath === undefined) return
    const documents = [...entries.values()].sort((a, b) => byCodeUnits(a.path, b.path))
    try {
      await writeManifest(manifestPath, { undoc: VERSION, pipeline: key, ...(shard ? { shard } : {}), ...(indexPrint ? { index: indexPrint } : {}), documents })
    } catch (error) {
      diagnostics.push(fileDiagnostic(join(options.out!, MANIFEST_NAME), `Cannot write the build manifest (${errorCode(error)}).`))
      ioError = true
    }
  }

  // Up to date: the same bytes (by size and time, else by hash) under the same pipeline.
  const upToDate = await mapLimit(accepted, 64, async (source) => {
    const entry = before.get(source.path)
    if (!reusable || entry === undefined) return undefined
    return unchanged(source, entry, previous!.mtimeNs)
  })
  const dirty: SourceFile[] = []
  let refreshed = false
  accepted.forEach((source, i) => {
    const entry = upToDate[i]
    if (entry) entries.set(source.path, entry)
    else dirty.push(source)
    if (entry && entry !== before.get(source.path)) refreshed = true
  })

  const failures = new Map<string, Diagnostic[]>()
  const builtPaths = new Set<string>()
  let work = 0
  let done = accepted.length - dirty.length
  let total = accepted.length
  const tally = { warnings: 0, errors: 0 }
  const count = (ds: readonly Diagnostic[], sign = 1) => {
    for (const d of ds) {
      if (d.severity === 'error') tally.errors += sign
      else if (d.severity === 'warning') tally.warnings += sign
    }
  }
  for (const e of entries.values()) if (present.has(e.path)) count(e.diagnostics)
  const report = () => options.onProgress?.({ done, total, ...tally })
  report()

  const jobs = Math.max(1, options.jobs ?? availableParallelism())
  let pool: Piscina<BuildTask, TaskResult> | undefined
  const signal = options.signal
  const onAbort = () => void pool?.destroy()
  signal?.addEventListener('abort', onAbort)
  const exec = (task: BuildTask, threads: number): Promise<TaskResult> => {
    if (threads <= 1) return runTask(task)
    pool ??= new Piscina<BuildTask, TaskResult>({ filename: WORKER, minThreads: threads, maxThreads: threads, idleTimeout: 1000 })
    return pool.run(task, { ...(signal ? { signal } : {}) })
  }
  const removals: Promise<void>[] = []
  const settle = (result: TaskResult) => {
    work++
    done++
    builtPaths.add(result.path)
    const old = entries.get(result.path) ?? before.get(result.path)
    if (result.entry) {
      entries.set(result.path, result.entry)
      failures.delete(result.path)
      // Outputs it no longer writes (it has errors now, or a format went) would be stale.
      if (old) removals.push(remove(old.outputs.filter((n) => !result.entry!.outputs.includes(n))))
    } else {
      entries.delete(result.path)
      failures.set(result.path, result.diagnostics)
      ioError = true
    }
    count(result.diagnostics)
    report()
  }
  const buildAll = async (sources: readonly SourceFile[], linksOf: (s: SourceFile) => Record<string, string>) => {
    const threads = Math.min(jobs, sources.length)
    await mapLimit(sources, threads * 4, async (source) => {
      if (signal?.aborted) return
      const task: BuildTask = { source, cwd, ...(out !== undefined ? { out } : {}), links: linksOf(source), ...(options.lint ? { lint: options.lint } : {}), ...(options.formats ? { formats: options.formats } : {}) }
      try {
        settle(await exec(task, threads))
      } catch (error) {
        if (signal?.aborted) return
        settle({ path: source.path, diagnostics: [internalError(source.path, error)], ioError: true })
      }
    })
  }

  let summaries: DocumentSummary[] | undefined
  try {
    // Outputs of sources that are gone go with them; the manifest forgets what is about to be
    // rewritten first, so a build killed half-way never leaves an entry that lies.
    if (out !== undefined && (removed.length > 0 || dirty.length > 0)) {
      for (const e of removed) await remove(e.outputs)
      await saveManifest()
    }
    // A source is first built with the links it had: usually the right ones. A new source has
    // none; new sources are first read without writing anything (a small share of the cost of
    // writing their editions, a PDF above all) so that they are written once, with their links,
    // instead of written and then written again.
    const fresh = out === undefined ? [] : dirty.filter((s) => !before.has(s.path))
    let firstLinks = (s: SourceFile) => ({ ...before.get(s.path)?.links }) as Record<string, string>
    if (fresh.length > 0) {
      const threads = Math.min(jobs, fresh.length)
      const read = await mapLimit(fresh, threads * 4, async (source) => {
        if (signal?.aborted) return undefined
        return exec({ source, cwd, links: {} }, threads).then((r) => r.entry?.summary, () => undefined)
      })
      const known = corpusOf([...summariesOf(entries.values()), ...read.flatMap((r) => (r ? [r] : []))])
      const summaryOf = new Map(fresh.map((s, i) => [s, read[i]]))
      const previous = firstLinks
      firstLinks = (s) => (summaryOf.has(s) ? linksIn(summaryOf.get(s), known) : previous(s))
    }
    await buildAll(dirty, firstLinks)

    // Citations of documents that are in this corpus point at them: a document whose links to the
    // corpus are not those it was built with is built again with them.
    const corpus = corpusOf(summariesOf(entries.values()))
    const relink = new Map<SourceFile, Record<string, string>>()
    if (out !== undefined && !signal?.aborted) {
      for (const s of accepted) {
        const e = entries.get(s.path)
        if (e === undefined || e.outputs.length === 0) continue
        const links = linksIn(e.summary, corpus)
        if (!sameLinks(e.links, links)) relink.set(s, links)
      }
    }
    if (relink.size > 0) {
      total += relink.size
      for (const s of relink.keys()) {
        // Its diagnostics come again with its second build.
        count(entries.get(s.path)!.diagnostics, -1)
        entries.delete(s.path)
      }
      await saveManifest()
      await buildAll([...relink.keys()], (s) => relink.get(s)!)
    }
    if (out !== undefined && shard === undefined && !signal?.aborted) {
      summaries = summariesOf(entries.values())
    }
  } finally {
    signal?.removeEventListener('abort', onAbort)
    await pool?.destroy()
    await Promise.all(removals)
  }
  const interrupted = signal?.aborted ?? false
  // Workers stopped half-way through a write leave their temporary files (named with our pid).
  if (interrupted && out !== undefined) await removeTemps(out, (pid) => pid === process.pid)
  const changed = work > 0 || removed.length > 0 || refreshed || previous?.manifest.pipeline !== key
  let rewrote = false
  if (summaries !== undefined) {
    // Nothing changed and index.json is as the last build wrote it: it is right as it is.
    const kept = previous?.manifest.index
    const now = !changed && kept ? await stat(join(out!, INDEX_NAME), { bigint: true }).catch(() => undefined) : undefined
    if (kept && now && Number(now.size) === kept.size && now.mtimeNs.toString() === kept.mtimeNs) indexPrint = kept
    else {
      const written = await writeCorpusIndex(out!, summaries, options.out!)
      rewrote = true
      if ('ruleId' in written) {
        diagnostics.push(written)
        ioError = true
      } else indexPrint = written
    }
  }
  // Even an interrupted build records what it finished, so the next one goes on from there.
  if (out !== undefined && (changed || rewrote)) await saveManifest()

  const builds: BuiltSource[] = []
  let pages: number | undefined
  for (const s of accepted) {
    const e = entries.get(s.path)
    const failed = failures.get(s.path)
    if (failed) diagnostics.push(...failed)
    if (!e) continue
    diagnostics.push(...e.diagnostics)
    if (e.pages !== undefined) pages = (pages ?? 0) + e.pages
    builds.push({ path: e.path, name: e.name, built: e.summary !== undefined && !e.diagnostics.some((d) => d.severity === 'error'), ...(e.summary ? { summary: e.summary } : {}) })
  }
  const stats: RunStats = { documents: accepted.length, built: builtPaths.size, skipped: accepted.filter((s, i) => upToDate[i] !== undefined && !builtPaths.has(s.path)).length, work, ...(pages !== undefined ? { pages } : {}) }
  return { diagnostics: diagnostics.sort(compareDiagnostics), builds, ioError, interrupted, stats }
}

/**
 * Writes the corpus index of these summaries into `out` atomically; returns its fingerprint, or the
 * diagnostic when it cannot be written (`shown` is the folder as the user named it).
 */
export async function writeCorpusIndex(out: string, summaries: readonly DocumentSummary[], shown: string): Promise<Fingerprint | Diagnostic> {
  const index = buildCorpusIndex(summaries)
  const invalid = validate('index.schema.json', index)
  if (invalid.length > 0) throw new Error(`The corpus index is not valid against index.schema.json: ${invalid.map((v) => `${v.pointer} ${v.message}`).join('; ')}`)
  const path = join(out, INDEX_NAME)
  try {
    const hash = createHash('sha256')
    await writeAtomic(path, function* () {
      for (const chunk of emitJson(index)) {
        hash.update(chunk)
        yield chunk
      }
    })
    const written = await stat(path, { bigint: true })
    return { sha256: hash.digest('hex'), size: Number(written.size), mtimeNs: written.mtimeNs.toString() }
  } catch (error) {
    return fileDiagnostic(join(shown, INDEX_NAME), `Cannot write the output (${errorCode(error)}).`)
  }
}

export function summariesOf(entries: Iterable<ManifestEntry>): DocumentSummary[] {
  return [...entries].flatMap((e) => (e.summary ? [e.summary] : []))
}

/** Which shard (1…count) a source belongs to: by a hash of its path, so it stays put when others come and go. */
export function shardOf(path: string, count: number): number {
  return (createHash('sha256').update(path).digest().readUInt32BE(0) % count) + 1
}

/** The corpus's documents by symbol; where two have one symbol, the first by output name. */
function corpusOf(summaries: readonly DocumentSummary[]): Map<string, string> {
  const corpus = new Map<string, string>()
  for (const s of [...summaries].sort((a, b) => byCodeUnits(a.name, b.name))) if (s.symbol && !corpus.has(s.symbol)) corpus.set(s.symbol, s.name)
  return corpus
}

/** The output name of each cited symbol that is in the corpus. */
function linksIn(summary: DocumentSummary | undefined, corpus: ReadonlyMap<string, string>): Record<string, string> {
  const links: Record<string, string> = {}
  for (const c of summary?.citations ?? []) {
    const target = corpus.get(c.symbol)
    if (target !== undefined) links[c.symbol] = target
  }
  return links
}

function sameLinks(a: ManifestEntry['links'], b: Record<string, string>): boolean {
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k])
}

/**
 * The entry again when the source and its sidecar are those it was built from: the same size and
 * modification time (older than the manifest, so not changed within the tick it was written in),
 * or else the same hash; with the fingerprint refreshed in that case.
 */
async function unchanged(source: SourceFile, entry: ManifestEntry, manifestTime: bigint): Promise<ManifestEntry | undefined> {
  const now = fingerprintStats(source)
  const same = async (path: string | undefined, stored: Fingerprint | undefined, current: Omit<Fingerprint, 'sha256'> | undefined): Promise<Fingerprint | undefined | false> => {
    if (path === undefined || stored === undefined || current === undefined) return path === undefined && stored === undefined ? undefined : false
    if (stored.size !== current.size) return false
    if (stored.mtimeNs === current.mtimeNs && BigInt(stored.mtimeNs) < manifestTime) return stored
    const hash = await readFile(path).then(sha256, () => undefined)
    return hash === stored.sha256 ? { ...current, sha256: hash } : false
  }
  const input = await same(source.absolute, entry.input, now.input)
  const sidecar = await same(source.sidecar, entry.sidecar, now.sidecar)
  if (input === false || input === undefined || sidecar === false) return undefined
  if (input === entry.input && sidecar === entry.sidecar) return entry
  return { ...entry, input, ...(sidecar ? { sidecar } : {}) }
}

/** Runs `fn` over the items with at most `limit` at once; results in the items' order. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane))
  return results
}

function internalError(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(file, `undoc failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error')
}

/** Two sources that would write the same output name are both refused, each naming the other. */
function nameClashes(sources: readonly SourceFile[]): { refused: Set<string>; diagnostics: Diagnostic[] } {
  const byName = new Map<string, SourceFile[]>()
  for (const s of sources) {
    const name = outputName(s.path)
    byName.set(name, [...(byName.get(name) ?? []), s])
  }
  const refused = new Set<string>()
  const diagnostics: Diagnostic[] = []
  for (const [name, group] of byName) {
    if (group.length < 2) continue
    for (const s of group) {
      refused.add(s.path)
      const others = group.filter((o) => o !== s).map((o) => o.path).join(', ')
      diagnostics.push({ file: s.path, line: 1, column: 1, severity: 'error', ruleId: 'output-clash', source: 'undoc', reason: `Both this file and ${others} would write the outputs named "${name}": rename one of them.` })
    }
  }
  return { refused, diagnostics }
}

