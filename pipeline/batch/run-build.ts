import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Piscina } from 'piscina'
import type { BuildTask, TaskResult } from './worker.js'
import { fingerprintStats, sha256, type Stamp } from '../io/fingerprint.js'
import { compareDiagnostics, counts, errorCode, fileDiagnostic, type Diagnostic, type Outcome, type Severity } from '../core/diagnostic.js'
import { byCodeUnits } from '../core/order.js'
import { PACKAGE_ROOT, VERSION } from '../core/package-root.js'
import { corpusMember, linkPairs, linksAmong, StoredCorpus } from './corpus-index.js'
import {
  journalEntry,
  isMember,
  journalRefreshed,
  LineFiles,
  MANIFEST_NAME,
  openJournal,
  pipelineKey,
  MANIFEST_DAMAGED,
  readDiagnostics,
  readEntry,
  readManifest,
  readMember,
  removeJournal,
  removePending,
  SHARD_FILE,
  shardFileName,
  writeManifest,
  writePending,
  type EntryRecord,
  type Journal,
  type ReadManifest
} from './manifest.js'
import { displayPath, outputName, walkSources, type SourceFile } from '../io/sources.js'
import { inBatches, mapped, peekable, Store, type StoreWriter } from './store.js'
import { TABLES, type Relink, type Table, type ToBuild } from './tables.js'
import { removeStaleTemps, removeTemps, tempPath, writeAtomic } from '../io/write.js'
import { outputPath, overlapOf } from '../io/output-folder.js'
import { INDEX_NAME, reservedOutputName } from './output-names.js'
import { outputsIntact } from './outputs-intact.js'
import { resumeKilledRuns } from './resume.js'
import type { Fingerprint, ManifestEntry, Shard } from '../types/manifest.js'
import { validate } from '../validate/index.js'
import { CONFIG_NAME } from '../lint/config.js'

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
  /** Follow symbolic links wherever they lead, not only within the folders given (see walkSources). */
  readonly followLinks?: boolean
  /** The heap limit of a worker thread, in MB (default WORKER_HEAP_MB). */
  readonly workerHeapMb?: number
  /**
   * Takes the run's diagnostics once it is done, sorted, a source at a time: those of the sources
   * are read back from the manifest, so a corpus's diagnostics are never all in memory.
   */
  readonly report?: DiagnosticSink
}

export interface DiagnosticSink {
  /** The severities it takes (default: all). */
  readonly severities?: readonly Severity[]
  write(diagnostic: Diagnostic): void
  /** Takes, in order, the path of each source the run answers for that was built or was up to date. */
  source?(path: string): void
}

export interface RunStats {
  /** Sources this run is responsible for. */
  readonly documents: number
  /** Sources built by this run. */
  readonly built: number
  /** Sources this run tried to build and could not (an error, or an output it could not write). */
  readonly failed: number
  /** Sources that were up to date. The rest, in an interrupted run, were not built. */
  readonly skipped: number
  /** Documents built, counting a second build (with the corpus's links) again. */
  readonly work: number
  /** Pages of the PDF editions, when there are any. */
  readonly pages?: number
}

export interface RunResult {
  readonly errors: number
  readonly warnings: number
  /** Set when the run itself could not go on (usage or I/O), as opposed to a document's errors. */
  readonly ioError: boolean
  /** Set when the run was aborted: not every source was built. */
  readonly interrupted: boolean
  readonly stats: RunStats
}

/**
 * A worker's heap limit, in MB. Below 2 GB, V8 lets a heap grow to about twice what was live after
 * a collection, where above it lets it grow fourfold: a worker then holds about 145 MB where it
 * held 195 (10,000 documents with PDF: 420 MB for the whole run against 525), for a few per cent
 * more time collecting. A document that needs more than this is built again in the main thread.
 */
export const WORKER_HEAP_MB = 2047

/**
 * The compiled worker of the build of the package this module belongs to. Compiled, it finds it at
 * ../batch/worker.js from its own file, in tsc's output (dist/pipeline/) as in the bundle the bin
 * runs (dist/bundle/, every file of it one folder deep). Loaded from its TypeScript source (by a
 * test runner), it has no compiled worker beside it, and worker threads run plain JavaScript: it
 * takes tsc's, which `npm run build` (part of `npm test` and of installing) makes.
 */
const WORKER = ((): string => {
  const self = fileURLToPath(import.meta.url)
  const compiled = self.startsWith(join(PACKAGE_ROOT, 'dist') + sep)
  return compiled ? fileURLToPath(new URL('../batch/worker.js', import.meta.url)) : join(PACKAGE_ROOT, 'dist', 'pipeline', 'batch', 'worker.js')
})()

/** The most files named one by one whose run keeps its store in memory. */
const FEW_FILES = 16

/**
 * Whether a run can know of a few documents only: a few files named one by one (no folder), and
 * no manifest of earlier runs in the output folder (its records would go into the store). Such a
 * run (an editor's or a hook's check of the file changed) keeps its store in the heap, and does
 * not load LevelDB, which takes longer than building the document.
 */
async function fewDocuments(paths: readonly string[], cwd: string, manifestPath: string | undefined): Promise<boolean> {
  if (paths.length > FEW_FILES || (manifestPath !== undefined && existsSync(manifestPath))) return false
  const stats = await Promise.all(paths.map((p) => stat(resolve(cwd, p)).catch(() => undefined)))
  return stats.every((s) => s?.isFile() === true)
}

/**
 * Builds every source under the given paths, on worker threads, each writing its document's
 * outputs atomically as soon as it is built; one bad file never stops the others. A manifest in
 * the output folder makes rebuilds incremental: a source whose bytes, sidecar, corpus links and
 * pipeline are unchanged is not built again, and the index is made from the stored summaries.
 *
 * What the run knows of each document (its source, its record, its links and citations) is kept
 * in a store on disk and gone through a table at a time, in key order; entries and diagnostics
 * stay in their lines, in the manifest or the run's journal. The heap holds a few batches of a
 * thousand, whatever the size of the corpus. The store's tables, by path unless said: A the
 * sources it answers for; N (name, path) every source found; P the manifest's pending sources;
 * R the records as they now stand; D the sources to build; W their previous records; G what
 * each was last known to cite; Z the records of sources gone; H the documents of other shards;
 * L the sources to build again with the corpus's links; F the diagnostics of sources that could
 * not be built; T the sources built; E those of them whose build failed; and StoredCorpus's.
 */
export async function runBuild(options: RunOptions): Promise<RunResult> {
  const cwd = options.cwd ?? process.cwd()
  const shard = options.shard
  // By output name, which names a document in its corpus whatever the working folder and path form.
  const inShare = (path: string) => shard === undefined || shardOf(outputName(path), shard.count) === shard.index
  const out = options.out === undefined ? undefined : resolve(cwd, options.out)
  const diagnostics: Diagnostic[] = []
  let ioError: boolean
  const fail = (d: Diagnostic): RunResult => {
    diagnostics.push(d)
    for (const each of diagnostics.sort(compareDiagnostics)) if (takes(options.report, each.severity)) options.report!.write(each)
    return { ...counts(diagnostics), ioError: true, interrupted: false, stats: { documents: 0, built: 0, failed: 0, skipped: 0, work: 0 } }
  }
  if (out !== undefined) {
    // Never a folder the sources are read from: see overlapOf.
    if (options.out!.trim() === '') return fail(fileDiagnostic('--out', 'The output folder is empty: name a folder.', 'usage'))
    // The configuration is read too (for the pipeline's key), whether or not it lints.
    const config = options.lint?.config ?? CONFIG_NAME
    const overlap = overlapOf(out, existsSync(resolve(cwd, config)) ? [...options.paths, config] : options.paths, cwd)
    if (overlap !== undefined)
      return fail(fileDiagnostic(options.out!, `Refused: ${overlap}. Outputs would replace sources or be read back as sources: give an output folder apart from the inputs.`, 'usage'))
    try {
      await mkdir(out, { recursive: true })
    } catch (error) {
      return fail(fileDiagnostic(options.out!, `Cannot create the output folder (${errorCode(error)}).`))
    }
  }
  const manifestPath = out === undefined ? undefined : outputPath(out, shard ? shardFileName(shard) : MANIFEST_NAME)
  const key = await pipelineKey(cwd, options.lint?.config, options.formats)
  // The run's journal of new entries and its store, named as temporary files in the output folder.
  const scratch = out ?? tmpdir()
  const files = new LineFiles()
  let journal: Journal
  let store: Store
  try {
    const header = { undoc: VERSION, pipeline: key, ...(shard ? { shard } : {}), documents: 0 }
    const file = await openJournal(scratch, manifestPath === undefined ? undefined : { manifestPath, header })
    journal = { file, number: files.add(file) }
  } catch (error) {
    return fail(fileDiagnostic(options.out ?? scratch, `Cannot write in this folder (${errorCode(error)}).`))
  }
  try {
    store = shard === undefined && (await fewDocuments(options.paths, cwd, manifestPath)) ? Store.inMemory() : await Store.open(tempPath(join(scratch, 'store')))
  } catch (error) {
    await removeJournal(journal.file)
    return fail(fileDiagnostic(options.out ?? scratch, `Cannot write in this folder (${errorCode(error)}).`))
  }
  const signal = options.signal
  const writer = store.writer()

  try {
    // What a killed run finished goes into the manifest before its temporary files go.
    if (manifestPath !== undefined) await resumeKilledRuns(manifestPath, key, store, files).catch(() => 0)
    if (out !== undefined) await removeStaleTemps(out)
    // The sources: those it answers for, and every one found, by name, for clashes.
    const found = await walkSources(
      options.paths,
      cwd,
      async (source) => {
        const reserved = reservedOutputName(outputName(source.path))
        if (reserved !== undefined) return void diagnostics.push(fileDiagnostic(source.path, `Not built: ${reserved}. Rename the file.`, 'reserved-name'))
        await writer.put(TABLES.sourceNames, [outputName(source.path), source.path], true)
        if (inShare(source.path)) await writer.put(TABLES.sources, [source.path], source)
      },
      { followLinks: options.followLinks === true }
    )
    diagnostics.push(...found)
    ioError = found.some((d) => d.ruleId === 'io-error' || d.ruleId === 'usage')
    await writer.flush()
    const accepted = await refuseClashes(store, diagnostics, inShare)

    // What the output folder holds from earlier builds, and which of it this run answers for.
    const scope = options.paths.map((p) => displayPath(resolve(cwd, p), cwd))
    const covers = (path: string) => inShare(path) && scope.some((s) => s === '' || path === s || path.startsWith(`${s}/`))

    let done = 0
    let total = accepted
    const tally = { warnings: 0, errors: 0 }
    const count = (r: { warnings: number; errors: number }, sign = 1) => {
      tally.warnings += sign * r.warnings
      tally.errors += sign * r.errors
    }
    // The sources (table A) and the manifest's records, both by path, are gone through side by
    // side. A source is up to date when it has the same bytes as its record says (by size and
    // time, else by hash) under the same pipeline, and its record is not pending.
    let upToDate = 0
    let dirty = 0
    let fresh = 0
    let removed = 0
    let refreshed = false
    let sources = peekable(store.scan(TABLES.sources))
    let pending: ReturnType<Store['alongside']> | undefined
    const toBuild = async (source: SourceFile, old?: EntryRecord) => {
      await writer.put(TABLES.toBuild, [source.path], { source, ...(old ? {} : { fresh: true as const }) })
      dirty++
      if (!old) fresh++
      else {
        // What it was last known to cite, for its first links; its record, for its old outputs.
        await writer.put(TABLES.previousRecords, [source.path], old)
        if (isMember(old)) await writer.put(TABLES.lastCited, [source.path], await readMember(files, old))
      }
    }
    /** The sources before `path` (all that are left without it) have no record: they are new. */
    const newUpTo = async (path?: string) => {
      for (let a = await sources.peek(); a && (path === undefined || byCodeUnits(a[0][0]!, path) < 0); a = await sources.peek()) {
        await toBuild(a[1])
        await sources.next()
      }
    }
    const classify = async (r: EntryRecord, read: ReadManifest) => {
      if (pending === undefined) {
        await writer.flush()
        pending = store.alongside(TABLES.pending)
      }
      await newUpTo(r.path)
      const isPending = (await pending.at(r.path)) !== undefined
      const a = await sources.peek()
      if (a && a[0][0] === r.path) {
        await sources.next()
        const source = a[1]
        const now = !isPending && read.header.pipeline === key && !options.force ? await unchanged(source, r, read.mtimeNs, journal, files, out) : undefined
        if (now === undefined) return toBuild(source, isPending ? undefined : r)
        await writer.put(TABLES.records, [source.path], now)
        count(now)
        upToDate++
        if (now !== r) refreshed = true
      } else if (isPending) return
      // Records of sources outside the paths given stay as they are; those of sources gone go.
      else if (!covers(r.path)) await writer.put(TABLES.records, [r.path], r)
      else {
        await writer.put(TABLES.gone, [r.path], r)
        removed++
      }
    }
    const refuse = (reason: string) => diagnostics.push(fileDiagnostic(displayPath(manifestPath!, cwd), `Refused this build manifest. ${reason}`, 'manifest-refused'))
    const previous = manifestPath === undefined ? undefined : await readManifest(manifestPath, files, (path) => writer.put(TABLES.pending, [path], true), classify, refuse)
    await pending?.close()
    if (previous === undefined && pending !== undefined) {
      // The manifest turned out not to be valid, half-way through: as if there were none.
      await sources.close()
      await writer.flush()
      for (const table of [TABLES.toBuild, TABLES.lastCited, TABLES.records, TABLES.previousRecords, TABLES.gone]) await store.clear(table)
      ;[upToDate, dirty, fresh, removed, refreshed] = [0, 0, 0, 0, false]
      tally.warnings = tally.errors = 0
      sources = peekable(store.scan(TABLES.sources))
    }
    await newUpTo()
    await sources.close()
    await writer.flush()
    done = upToDate
    const report = () => options.onProgress?.({ done, total, ...tally })
    report()

    const remove = async (names: readonly string[]) => {
      for (const name of names) await unlink(outputPath(out!, name)).catch(() => undefined)
    }
    const outputsOf = (r: EntryRecord) => r.outputs.map((o) => o.name)
    /** Names in the pending file the sources a table holds, before their outputs are touched. */
    const markPending = async (...tables: Table<[path: string], unknown>[]) => {
      try {
        await writePending(
          manifestPath!,
          (async function* () {
            for (const table of tables) for await (const [[path]] of store.scan(table)) yield path!
          })()
        )
      } catch (error) {
        diagnostics.push(fileDiagnostic(join(options.out!, MANIFEST_NAME), `Cannot write the build manifest's pending file (${errorCode(error)}).`))
        ioError = true
      }
    }

    const jobs = Math.max(1, options.jobs ?? availableParallelism())
    let pool: Piscina<BuildTask, TaskResult> | undefined
    const onAbort = () => void pool?.destroy()
    signal?.addEventListener('abort', onAbort)
    // Set when the pool fails outside a task (its workers cannot start): the run goes on here.
    let poolFailed = false
    const exec = async (task: BuildTask, threads: number): Promise<TaskResult> => {
      // The pipeline is loaded only when a document is built in this thread: a run with nothing
      // to build, or one on workers, starts without it.
      const inThread = () => import('./worker.js').then((w) => w.default(task))
      if (threads <= 1 || poolFailed) return inThread()
      // And the pool only when one starts: a run that builds in this thread (one document) goes
      // without it. Its CommonJS exports are the default export, in the bundle as in Node.
      const { Piscina } = (await import('piscina')).default
      if (pool === undefined) {
        const started = new Piscina<BuildTask, TaskResult>({
          filename: WORKER,
          minThreads: threads,
          maxThreads: threads,
          idleTimeout: 1000,
          resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? WORKER_HEAP_MB }
        })
        started.on('error', () => {
          poolFailed = true
          void started.destroy()
        })
        pool = started
      }
      return pool.run(task, { ...(signal ? { signal } : {}) }).catch((error: unknown) => {
        // A document too large for a worker's heap, or one a failed pool dropped, is built here,
        // where the heap has the machine's limit.
        if (signal?.aborted || !(poolFailed || (error as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY')) throw error
        return inThread()
      })
    }
    let work = 0
    const settle = async (result: TaskResult) => {
      work++
      await store.put(TABLES.built, [result.path], true)
      // Built, or failed: its last build had an error of the pipeline (lint errors never stop outputs).
      if (failedBuild(result)) await store.put(TABLES.failedBuilds, [result.path], true)
      else await store.del(TABLES.failedBuilds, [result.path])
      // A source built again with the corpus's links counts its second build's diagnostics only.
      const current = await store.get(TABLES.records, [result.path])
      if (current) count(current, -1)
      const old = current ?? (await store.get(TABLES.previousRecords, [result.path]))
      if (result.entry) {
        const now = await journalEntry(journal, result.entry, result.diagnostics)
        await store.put(TABLES.records, [result.path], now)
        await store.del(TABLES.failures, [result.path])
        count(now)
        // Outputs it no longer writes (it has errors now, or a format went) would be stale.
        const names = result.entry.outputs.map((o) => o.name)
        if (old) await remove(outputsOf(old).filter((n) => !names.includes(n)))
      } else {
        await store.del(TABLES.records, [result.path])
        await store.put(TABLES.failures, [result.path], result.diagnostics)
        count(counts(result.diagnostics))
        ioError = true
      }
      done++
      report()
    }
    /** Builds the sources of a table (`size` of them), each with its source and links as `toBuild` reads them from its entry. */
    const buildAll = async <V>(table: Table<[path: string], V>, size: number, toBuild: (path: string, value: V) => Promise<Relink>) => {
      const threads = Math.min(jobs, size)
      await eachLimit(store.scan(table), threads * 4, async ([[path], value]) => {
        if (signal?.aborted) return
        const { source, links } = await toBuild(path!, value)
        const task: BuildTask = { source, cwd, ...(out !== undefined ? { out } : {}), links, ...(options.lint ? { lint: options.lint } : {}), ...(options.formats ? { formats: options.formats } : {}) }
        let result: TaskResult
        try {
          result = await exec(task, threads)
        } catch (error) {
          if (signal?.aborted) return
          result = { path: path!, diagnostics: [internalError(path!, error)], ioError: true }
        }
        await settle(result)
      })
    }
    const corpus = new StoredCorpus(store)
    /** A source to build, with the links its citations had in the corpus as it was. */
    const withGuessedLinks = async (path: string, value: ToBuild) => {
      const guess = await store.get(TABLES.lastCited, [path])
      return { source: value.source, links: guess === undefined ? {} : await corpus.links(guess) }
    }

    let relinked = 0
    let wroteIndex = false
    // Set once every document's links are checked against the corpus as it is.
    let linked = false
    // Set once index.json is known to be the one this manifest describes.
    let indexPrint: Fingerprint | undefined
    try {
      // Outputs of sources that are gone go with them; the pending file names what is about to
      // be rewritten before anything is, so a build killed half-way never leaves an entry that lies.
      if (out !== undefined && (removed > 0 || dirty > 0)) {
        for await (const [, r] of store.scan(TABLES.gone)) await remove(outputsOf(r))
        await markPending(TABLES.gone, TABLES.toBuild)
      }
      // A source is first built with the links its citations had in the corpus as it was. A new
      // source has no citations known; new sources are first read without writing anything (a
      // small share of the cost of writing their editions, a PDF above all) so that they are
      // written once, with their links, instead of written and then written again.
      if (out !== undefined && fresh > 0) {
        const threads = Math.min(jobs, fresh)
        await eachLimit(store.scan(TABLES.toBuild), threads * 4, async ([[path], { source, fresh }]) => {
          if (!fresh || signal?.aborted) return
          const summary = await exec({ source, cwd, links: {} }, threads).then(
            (r) => r.entry?.summary,
            () => undefined
          )
          if (summary) await store.put(TABLES.lastCited, [path], corpusMember(summary))
        })
      }
      // A shard links to the documents of the other shards whose manifests are beside its own.
      if (shard !== undefined && out !== undefined) await otherShards(store, out, shard, files)
      // The corpus as it was: its records, and what the sources to build were last known to cite.
      if (dirty > 0) {
        for await (const [, r] of store.scan(TABLES.records)) if (isMember(r)) await corpus.add(writer, r)
        for await (const [, member] of store.scan(TABLES.lastCited)) await corpus.add(writer, member)
        for await (const [, member] of store.scan(TABLES.otherShards)) await corpus.add(writer, member)
        await corpus.seal(writer)
        await buildAll(TABLES.toBuild, dirty, withGuessedLinks)
      }

      // Citations of documents that are in this corpus point at them: a document whose links to
      // the corpus are not those it was built with is built again with them. They are checked
      // when the corpus may have changed since they were: something was built or removed, other
      // shards' documents count, or the last build stopped before it checked them.
      const changed = () => work > 0 || removed > 0 || refreshed || previous?.header.pipeline !== key
      const checkLinks = out !== undefined && !signal?.aborted && (changed() || shard !== undefined || previous?.header.unlinked === true)
      // Nothing changed and index.json is as the last build wrote it: it is right as it is.
      const indexed = out !== undefined && shard === undefined
      const kept = previous?.header.index
      const current = indexed && !checkLinks && kept ? await stat(join(out!, INDEX_NAME), { bigint: true }).catch(() => undefined) : undefined
      if (kept && current && Number(current.size) === kept.size && current.mtimeNs.toString() === kept.mtimeNs) indexPrint = kept
      const writeIndex = indexed && indexPrint === undefined && !signal?.aborted
      if (checkLinks || writeIndex) {
        // The corpus as it is now: its members by symbol; then, a thousand at a time, each
        // member's links checked against it and its row of the index.
        await corpus.clear()
        for await (const [, r] of store.scan(TABLES.records)) if (isMember(r)) await corpus.add(writer, r, r.path)
        for await (const [, member] of store.scan(TABLES.otherShards)) await corpus.add(writer, member)
        await corpus.seal(writer)
        await eachMember(store, TABLES.records, files, corpus, writer, writeIndex, async (members, targets) => {
          if (!checkLinks) return
          const sources = await store.getMany(
            TABLES.sources,
            members.map((m): [string] => [m.path])
          )
          for (const [i, { path, record, entry }] of members.entries()) {
            if (sources[i] === undefined || !record.wrote) continue
            const links = linksAmong(corpusMember(entry.summary!), targets)
            if (JSON.stringify(linkPairs(links)) !== JSON.stringify(linkPairs(entry.links))) {
              // With the links it is to be built with: its entry is not read again.
              await writer.put(TABLES.relinks, [path], { source: sources[i]!, links })
              relinked++
            }
          }
        })
      }
      if (relinked > 0) {
        total += relinked
        await markPending(TABLES.relinks)
        await buildAll(TABLES.relinks, relinked, async (_, relink) => relink)
      }
      linked = checkLinks && !signal?.aborted
      if (writeIndex && !signal?.aborted) {
        const written = await writeCorpusIndex(out!, corpus, options.out!)
        wroteIndex = true
        if (!written.ok) {
          diagnostics.push(...written.diagnostics)
          ioError = true
        } else indexPrint = written.value
      }
      // Even an interrupted build records what it finished, so the next one goes on from there.
      if (manifestPath !== undefined && (changed() || wroteIndex)) {
        try {
          const unlinked = !linked && (changed() || previous?.header.unlinked === true)
          const header = {
            undoc: VERSION,
            pipeline: key,
            ...(shard ? { shard } : {}),
            ...(indexPrint ? { index: indexPrint } : {}),
            ...(unlinked ? { unlinked } : {}),
            documents: await store.count(TABLES.records)
          }
          await writeManifest(
            manifestPath,
            header,
            files,
            mapped(store.scan(TABLES.records), ([, r]) => r)
          )
          await removePending(manifestPath)
        } catch (error) {
          diagnostics.push(fileDiagnostic(join(options.out!, MANIFEST_NAME), `Cannot write the build manifest (${errorCode(error)}).`))
          ioError = true
        }
      }
    } finally {
      signal?.removeEventListener('abort', onAbort)
      if (pool) await endPool(pool)
    }
    const answered = await send(store, files, diagnostics, options.report)
    const relinkedUpToDate = relinked === 0 ? 0 : await countMissing(store, TABLES.relinks, TABLES.toBuild)
    const failed = work > 0 ? await store.count(TABLES.failedBuilds) : 0
    return {
      errors: answered.errors,
      warnings: answered.warnings,
      ioError,
      interrupted: signal?.aborted ?? false,
      stats: {
        documents: accepted,
        built: work > 0 ? (await store.count(TABLES.built)) - failed : 0,
        failed,
        skipped: upToDate - relinkedUpToDate,
        work,
        ...(answered.pages !== undefined ? { pages: answered.pages } : {})
      }
    }
  } finally {
    await store.close()
    await files.close()
    await removeJournal(journal.file)
    // Workers stopped half-way through a write leave their temporary files (named with our pid).
    if (signal?.aborted && out !== undefined) await removeTemps(out, (pid) => pid === process.pid)
  }
}

/** Whether a sink takes diagnostics of this severity. */
function takes(sink: DiagnosticSink | undefined, severity: Severity): boolean {
  return sink !== undefined && (sink.severities === undefined || sink.severities.includes(severity))
}

/**
 * Goes through the sources the run answers for, in order: counts their errors, warnings and
 * pages, and hands the sink their diagnostics (those of a source read back from its entry's line,
 * or those of its failed build) with the run's own in their place among them.
 */
async function send(store: Store, files: LineFiles, own: Diagnostic[], sink: DiagnosticSink | undefined): Promise<{ errors: number; warnings: number; pages?: number }> {
  const total = counts(own)
  let pages: number | undefined
  const loose = own.filter((d) => takes(sink, d.severity)).sort(compareDiagnostics)
  let next = 0
  const [records, failures] = [store.alongside(TABLES.records), store.alongside(TABLES.failures)]
  for await (const [[path]] of store.scan(TABLES.sources)) {
    const r = await records.at(path)
    // A failed build's diagnostics are counted with the run's own.
    const failure = await failures.at(path!)
    const failed = failure ?? []
    if (r) {
      total.errors += r.errors
      total.warnings += r.warnings
      if (r.pages !== undefined) pages = (pages ?? 0) + r.pages
      sink?.source?.(path!)
    } else {
      const c = counts(failed)
      total.errors += c.errors
      total.warnings += c.warnings
    }
    if (sink === undefined) continue
    while (next < loose.length && byCodeUnits(loose[next]!.file, path!) < 0) sink.write(loose[next++]!)
    const wanted = r !== undefined && ((r.errors > 0 && takes(sink, 'error')) || (r.warnings > 0 && takes(sink, 'warning')) || takes(sink, 'info'))
    const read = wanted ? await readDiagnostics(files, r) : failed
    if (wanted && read.length === 1 && read[0]!.ruleId === MANIFEST_DAMAGED) total.errors++
    const mine = read.filter((d) => takes(sink, d.severity))
    while (next < loose.length && loose[next]!.file === path) mine.push(loose[next++]!)
    for (const d of mine.sort(compareDiagnostics)) sink.write(d)
  }
  await Promise.all([records.close(), failures.close()])
  while (sink && next < loose.length) sink.write(loose[next++]!)
  return { ...total, ...(pages !== undefined ? { pages } : {}) }
}

class InvalidIndexError extends Error {}

/**
 * Writes the index of a corpus whose rows are added into `out` atomically, a document at a time;
 * returns its fingerprint, or the diagnostic when it cannot be written (`shown` is the folder as
 * the user named it).
 */
export async function writeCorpusIndex(out: string, corpus: StoredCorpus, shown: string): Promise<Outcome<Fingerprint>> {
  const checked = <T>(definition: string, value: T): T => {
    const invalid = validate(`index.schema.json#/definitions/${definition}`, value)
    if (invalid.length > 0) throw new InvalidIndexError(`The corpus index is not valid against index.schema.json: ${invalid.map((v) => `${v.pointer} ${v.message}`).join('; ')}`)
    return value
  }
  const path = outputPath(out, INDEX_NAME)
  const hash = createHash('sha256')
  const hashed = (part: string) => {
    hash.update(part)
    return part
  }
  try {
    // The bytes of JSON.stringify of the whole index (as emitJson writes it), made in parts. A
    // document or a missing symbol comes with an empty citedBy, its last key: its JSON is left
    // open there, and its items are written into it as they come.
    await writeAtomic(path, async function* () {
      // Parts are small (a backlink, a name): they are written 64 KB at a time, not a system call each.
      let buffered = `{"undoc":${JSON.stringify(VERSION)},"documents":[`
      const add = (part: string) => {
        buffered += part
        if (buffered.length < 1 << 16) return undefined
        const chunk = hashed(buffered)
        buffered = ''
        return chunk
      }
      let [documents, missing, items] = [0, 0, 0]
      const opened = (json: string) => {
        items = 0
        return json.slice(0, -']}'.length)
      }
      const closed = () => (documents + missing > 0 ? ']}' : '')
      for await (const part of corpus.index()) {
        let chunk: string | undefined
        if ('document' in part) chunk = add(`${closed()}${documents++ > 0 ? ',' : ''}${opened(JSON.stringify(checked('IndexedDocument', part.document)))}`)
        else if ('missing' in part) chunk = add(`${closed()}${missing++ > 0 ? ',' : '],"missing":['}${opened(JSON.stringify(checked('MissingSymbol', part.missing)))}`)
        else chunk = add(`${items++ > 0 ? ',' : ''}${JSON.stringify('backlink' in part ? checked('Backlink', part.backlink) : part.citing)}`)
        if (chunk !== undefined) yield chunk
      }
      yield hashed(`${buffered}${closed()}${missing > 0 ? ']}' : '],"missing":[]}'}\n`)
    })
    const written = await stat(path, { bigint: true })
    return { ok: true, value: { sha256: hash.digest('hex'), size: Number(written.size), mtimeNs: written.mtimeNs.toString() } }
  } catch (error) {
    // An index not valid is undoc's own bug, not a failure to write it.
    if (error instanceof InvalidIndexError) throw error
    return { ok: false, diagnostics: [fileDiagnostic(join(shown, INDEX_NAME), `Cannot write the output (${errorCode(error)}).`)] }
  }
}

/**
 * Reads a manifest into a table of the store, its records by path; one that turns out not to be
 * valid (see readManifest) leaves the table empty.
 */
export async function loadManifest(store: Store, table: Table<[path: string], EntryRecord>, path: string, files: LineFiles): Promise<ReadManifest | undefined> {
  const writer = store.writer()
  const read = await readManifest(
    path,
    files,
    (pending) => writer.put(TABLES.loadedPending, [pending], true),
    (r) => writer.put(table, [r.path], r)
  )
  await writer.flush()
  // Pending entries no longer stand.
  for await (const [[pending]] of store.scan(TABLES.loadedPending)) await writer.del(table, [pending])
  await writer.flush()
  await store.clear(TABLES.loadedPending)
  if (read === undefined) await store.clear(table)
  return read
}

/**
 * The documents of the other shards of the same split whose manifests are in the output folder,
 * into table H as members that cite nothing: their names and symbols, all a shard needs to link
 * to them.
 */
async function otherShards(store: Store, out: string, shard: Shard, files: LineFiles): Promise<void> {
  const writer = store.writer()
  for (const name of (await readdir(out).catch(() => [])).sort()) {
    const m = SHARD_FILE.exec(name)
    if (!m || Number(m[2]) !== shard.count || Number(m[1]) === shard.index) continue
    if (!(await loadManifest(store, TABLES.loaded, join(out, name), files))) continue
    for await (const [[path], r] of store.scan(TABLES.loaded)) {
      if (r.symbol !== undefined) await writer.put(TABLES.otherShards, [path], { name: r.name, symbol: r.symbol })
    }
    await writer.flush()
    await store.clear(TABLES.loaded)
  }
}

/** A member of the corpus as eachMember gives it: its path, its record and its entry. */
export interface MemberEntry {
  readonly path: string
  readonly record: EntryRecord
  readonly entry: ManifestEntry
}

/**
 * Goes through the corpus's members (added with their paths, whose records are in `table`) by
 * name, a thousand at a time, with their entries (read once) and the sealed corpus's targets for
 * what they cite: `each` takes each batch, and with `rows` the batch's rows go into the index.
 */
export async function eachMember(
  store: Store,
  table: Table<[path: string], EntryRecord>,
  files: LineFiles,
  corpus: StoredCorpus,
  writer: StoreWriter,
  rows: boolean,
  each?: (members: readonly MemberEntry[], targets: ReadonlyMap<string, string>) => Promise<void>
): Promise<void> {
  let batch = 0
  for await (const paths of corpus.batches()) {
    const values = await store.getMany(
      table,
      paths.map((path): [string] => [path])
    )
    const members: MemberEntry[] = []
    for (const [i, path] of paths.entries()) {
      const record = values[i]!
      members.push({ path, record, entry: await readEntry(files, record) })
    }
    // Documents of a corpus cite the same symbols over and over: one lookup a symbol a batch.
    const targets = await corpus.targets(members.flatMap((m) => m.entry.summary!.citations.map((c) => c.symbol)))
    await each?.(members, targets)
    if (rows)
      await corpus.addRows(
        writer,
        batch++,
        members.map((m) => ({ summary: m.entry.summary!, at: m.path })),
        targets
      )
  }
  await writer.flush()
}

/** How many keys of table `a` are not in table `b`. */
async function countMissing(store: Store, a: Table<[path: string], unknown>, b: Table<[path: string], unknown>): Promise<number> {
  let n = 0
  for await (const batch of inBatches(store.scan(a)))
    n += (
      await store.getMany(
        b,
        batch.map(([key]) => key)
      )
    ).filter((v) => v === undefined).length
  return n
}

/**
 * Two sources that would write the same output name are both refused, each naming the other
 * (table N holds every source found by name); returns how many of those in the run's share are not.
 */
async function refuseClashes(store: Store, diagnostics: Diagnostic[], inShare: (path: string) => boolean): Promise<number> {
  let group: string[] = []
  let name: string | undefined
  let accepted = 0
  // A path found twice (named twice, or under two paths given) is one key of N: one source.
  const settle = async () => {
    if (group.length < 2) {
      accepted += group.filter(inShare).length
      return
    }
    for (const path of group) {
      await store.del(TABLES.sources, [path])
      const others = group.filter((o) => o !== path).join(', ')
      diagnostics.push({
        file: path,
        line: 1,
        column: 1,
        severity: 'error',
        ruleId: 'output-clash',
        source: 'undoc',
        reason: `Both this file and ${others} would write the outputs named "${name}": rename one of them.`
      })
    }
  }
  for await (const [[n, path]] of store.scan(TABLES.sourceNames)) {
    if (n !== name) {
      await settle()
      group = []
      name = n
    }
    group.push(path!)
  }
  await settle()
  return accepted
}

/** Whether a build failed: the source could not be read or an output written, or the pipeline found an error (lint errors never stop outputs). */
function failedBuild(result: TaskResult): boolean {
  return result.entry === undefined || result.diagnostics.some((d) => d.severity === 'error' && d.source !== 'undoc-lint')
}

/**
 * Which shard (1…count) a document belongs to: by a hash of its output name, unique in its corpus
 * and the same however its path is written (relative to any working folder, or absolute), so it
 * stays put when others come and go and CI runners that check out to different folders agree.
 */
export function shardOf(name: string, count: number): number {
  return (createHash('sha256').update(name).digest().readUInt32BE(0) % count) + 1
}

/**
 * The record again when the source and its sidecar are those it was built from (the same size and
 * modification time, older than the manifest so not changed within the tick it was written in,
 * or else the same hash) and its outputs are as it wrote them (outputsIntact); with the stamps
 * refreshed (a new entry in the journal) where a time changed and the hash did not.
 */
async function unchanged(source: SourceFile, record: EntryRecord, manifestTime: bigint, journal: Journal, files: LineFiles, out: string | undefined): Promise<EntryRecord | undefined> {
  const now = fingerprintStats(source)
  // The hashes stay on disk, in the entry: they are read only when a time has changed.
  let entry: ManifestEntry | undefined
  const same = async (path: string | undefined, stored: Stamp | undefined, current: Stamp | undefined, which: 'input' | 'sidecar'): Promise<Stamp | undefined | false> => {
    if (path === undefined || stored === undefined || current === undefined) return path === undefined && stored === undefined ? undefined : false
    if (stored.size !== current.size) return false
    if (stored.mtimeNs === current.mtimeNs && BigInt(stored.mtimeNs) < manifestTime) return stored
    const hash = await readFile(path).then(sha256, () => undefined)
    entry ??= await readEntry(files, record)
    return hash !== undefined && hash === entry[which]?.sha256 ? current : false
  }
  const input = await same(source.absolute, record.input, now.input, 'input')
  const sidecar = await same(source.sidecar, record.sidecar, now.sidecar, 'sidecar')
  if (input === false || input === undefined || sidecar === false) return undefined
  const outputs = out === undefined ? record.outputs : await outputsIntact(out, record.outputs, manifestTime, async () => (entry ??= await readEntry(files, record)))
  if (outputs === false) return undefined
  if (input === record.input && sidecar === record.sidecar && outputs === record.outputs) return record
  // A stamp changed only where its hash was compared, so the entry has been read.
  return journalRefreshed(journal, files, record, entry!, { input, ...(sidecar ? { sidecar } : {}), outputs })
}

/** How long a run waits for its workers to exit once they are told to. */
const POOL_EXIT_MS = 10_000

/**
 * Ends a pool's workers. Under heavy load, about one run in a few hundred (seen in stress runs of
 * a five-document build) waited forever for a worker's exit after every document was done; the
 * cause is not found. A worker that has not exited in time is left to the end of the process,
 * which it no longer holds up, and the run goes on.
 */
async function endPool(pool: Piscina<BuildTask, TaskResult>): Promise<void> {
  const threads = [...pool.threads]
  let timer: NodeJS.Timeout | undefined
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), POOL_EXIT_MS)))
  const ended = await Promise.race([
    pool.destroy().then(
      () => 'ended' as const,
      () => 'ended' as const
    ),
    late
  ])
  clearTimeout(timer)
  if (ended === 'late') for (const thread of threads) thread.unref()
}

/** Runs `fn` over a stream's items with at most `limit` at once. */
async function eachLimit<T>(items: AsyncIterable<T>, limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  const iterator = items[Symbol.asyncIterator]()
  // An async generator queues the calls of next() made at once: each lane gets its own item.
  const lane = async () => {
    for (let item = await iterator.next(); !item.done; item = await iterator.next()) await fn(item.value)
  }
  await Promise.all(Array.from({ length: Math.max(1, limit) }, lane))
}

function internalError(file: string, error: unknown): Diagnostic {
  return fileDiagnostic(file, `undoc failed on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error')
}
