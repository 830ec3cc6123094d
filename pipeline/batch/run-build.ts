import { existsSync } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { counts, errorCode, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { VERSION } from '../core/package-root.js'
import { outputPath, overlapOf } from '../io/output-folder.js'
import { outputName } from '../io/sources.js'
import { DISK_FULL, diskFull, removeStaleTemps, removeTemps, tempPath } from '../io/write.js'
import { CONFIG_NAME } from '../lint/config.js'
import { StoredCorpus } from './corpus-index.js'
import { keptIndex } from './kept-index.js'
import { LineFiles, MANIFEST_NAME, openJournal, pipelineKey, removeJournal, shardFileName, type Journal } from './manifest.js'
import { Builder, buildChanged } from './phase-build.js'
import { compareWithManifest } from './phase-compare.js'
import { writeIndex } from './phase-index.js'
import { writeRunManifest } from './phase-manifest.js'
import { planRelink, relink } from './phase-relink.js'
import { report, reportFullStore } from './phase-report.js'
import { shardOf, walk } from './phase-walk.js'
import { resumeKilledRuns } from './resume.js'
import { takes, type RunOptions, type RunResult, type RunState } from './run-state.js'
import { Store } from './store.js'

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
 * The run goes through named phases over one run state (RunState): open (the output folder, the
 * journal, the store), resume what a killed run finished, walk the sources, compare them with the
 * manifest, build what changed, relink (check every document's links against the corpus, and make
 * the index's rows), write the index, write the manifest, report. What it knows of each document
 * (its source, its record, its links and citations) is kept in the store on disk, in the tables of
 * TABLES (tables.ts), and gone through a table at a time, in key order; entries and diagnostics
 * stay in their lines, in the manifest or the run's journal. The heap holds a few batches of a
 * thousand, whatever the size of the corpus.
 */
export async function runBuild(options: RunOptions): Promise<RunResult> {
  const opened = await open(options)
  if (!('store' in opened)) return opened
  const state = opened
  try {
    await resume(state)
    await walk(state)
    await compareWithManifest(state)
    state.kept = await keptIndex(state)
    const builder = new Builder(state)
    try {
      await buildChanged(state, builder)
      const plan = await planRelink(state)
      await relink(state, builder, plan)
      await writeIndex(state, plan)
      await writeRunManifest(state)
    } finally {
      await builder.end()
    }
    return await report(state)
  } catch (error) {
    // The store or the journal found the disk full: the run stops where it is, its manifest as it was.
    const full = diskFull(error)
    if (full === undefined) throw error
    return reportFullStore(state, full)
  } finally {
    await close(state)
  }
}

/**
 * Opens a run: the output folder (refused when it overlaps the inputs), the run's journal of new
 * entries and its store, named as temporary files in the output folder. A run that cannot open
 * ends here, with its diagnostic reported.
 */
async function open(options: RunOptions): Promise<RunState | RunResult> {
  const cwd = options.cwd ?? process.cwd()
  const shard = options.shard
  const out = options.out === undefined ? undefined : resolve(cwd, options.out)
  const fail = (d: Diagnostic): RunResult => {
    if (takes(options.report, d.severity)) options.report!.write(d)
    return { ...counts([d]), ioError: true, interrupted: false, ...(d.ruleId === DISK_FULL ? { diskFull: true as const } : {}), stats: { documents: 0, built: 0, failed: 0, skipped: 0, work: 0 } }
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
  const scratch = out ?? tmpdir()
  const writesIn = options.out ?? scratch
  const files = new LineFiles()
  let journal: Journal
  let store: Store
  try {
    const header = { undoc: VERSION, pipeline: key, ...(shard ? { shard } : {}), documents: 0 }
    const file = await openJournal(scratch, manifestPath === undefined ? undefined : { manifestPath, header })
    journal = { file, number: files.add(file) }
  } catch (error) {
    return fail(cannotWriteIn(writesIn, error))
  }
  try {
    store =
      shard === undefined && options.fileSystem === undefined && (await fewDocuments(options.paths, cwd, manifestPath))
        ? Store.inMemory()
        : await Store.open(tempPath(join(scratch, 'store')), options.fileSystem?.storeWrite)
  } catch (error) {
    await removeJournal(journal.file)
    return fail(cannotWriteIn(writesIn, error))
  }
  return {
    options,
    cwd,
    out,
    shard,
    // By output name, which names a document in its corpus whatever the working folder and path form.
    inShare: (path) => shard === undefined || shardOf(outputName(path), shard.count) === shard.index,
    manifestPath,
    writesIn,
    key,
    files,
    journal,
    store,
    writer: store.writer(),
    corpus: new StoredCorpus(store),
    diagnostics: [],
    ioError: false,
    diskFull: undefined,
    accepted: 0,
    previous: undefined,
    upToDate: 0,
    dirty: 0,
    fresh: 0,
    removed: 0,
    pending: 0,
    outside: 0,
    keptMembers: 0,
    kept: undefined,
    refreshed: false,
    done: 0,
    total: 0,
    tally: { warnings: 0, errors: 0 },
    work: 0,
    written: 0,
    relinked: 0,
    linked: false,
    wroteIndex: false,
    indexPrint: undefined
  }
}

/** The folder could not be written in before the run began: on a full disk, a `disk-full` that says nothing was written. */
function cannotWriteIn(folder: string, error: unknown): Diagnostic {
  const full = diskFull(error)
  if (full === undefined) return fileDiagnostic(folder, `Cannot write in this folder (${errorCode(error)}).`)
  return fileDiagnostic(folder, `The disk is full (${full}): the build could not begin writing in ${folder}, and wrote nothing. Free some space and build again.`, DISK_FULL)
}

/** What a killed run finished goes into the manifest before its temporary files go. */
async function resume(state: RunState): Promise<void> {
  if (state.manifestPath !== undefined) await resumeKilledRuns(state.manifestPath, state.key, state.store, state.files).catch(() => 0)
  if (state.out !== undefined) await removeStaleTemps(state.out)
}

/** Closes the store and the line files, and removes the journal (and, when stopped, this process's temporary files). */
async function close(state: RunState): Promise<void> {
  await state.store.close()
  await state.files.close()
  await removeJournal(state.journal.file)
  // Workers stopped half-way through a write leave their temporary files (named with our pid).
  if (state.options.signal?.aborted && state.out !== undefined) await removeTemps(state.out, (pid) => pid === process.pid)
}
