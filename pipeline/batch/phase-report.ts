import { compareDiagnostics, counts, fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import { DISK_FULL } from '../io/write.js'
import { byCodeUnits } from '../core/order.js'
import { MANIFEST_DAMAGED, readDiagnostics, type LineFiles } from './manifest.js'
import { takes, type DiagnosticSink, type RunResult, type RunState } from './run-state.js'
import { inBatches, type Store } from './store.js'
import { TABLES, type Table } from './tables.js'

/** The report: the run's diagnostics sent to its sink, a source at a time, and its counts. */
export async function report(state: RunState): Promise<RunResult> {
  const { store, files, diagnostics, options } = state
  const relinkedUpToDate = state.relinked === 0 ? 0 : await countMissing(store, TABLES.relinks, TABLES.toBuild)
  const failed = state.work > 0 ? await store.count(TABLES.failedBuilds) : 0
  const built = state.work > 0 ? (await store.count(TABLES.built)) - failed : 0
  const skipped = state.upToDate - relinkedUpToDate
  if (state.diskFull) diagnostics.push(diskFullDiagnostic(state, built))
  const answered = await send(store, files, diagnostics, options.report)
  return {
    errors: answered.errors,
    warnings: answered.warnings,
    ioError: state.ioError,
    interrupted: options.signal?.aborted ?? false,
    ...(state.diskFull ? { diskFull: true as const } : {}),
    stats: {
      documents: state.accepted,
      built,
      failed,
      skipped,
      work: state.work,
      ...(answered.pages !== undefined ? { pages: answered.pages } : {})
    }
  }
}

/**
 * The report of a run whose store could not be written (the disk is full): the run's own
 * diagnostics and the `disk-full` one, what was built counted as it went; the store is not read.
 */
export function reportFullStore(state: RunState, code: string): RunResult {
  state.diskFull ??= code
  const built = state.written
  const own = [...state.diagnostics, diskFullDiagnostic(state, built)].sort(compareDiagnostics)
  for (const d of own) if (takes(state.options.report, d.severity)) state.options.report!.write(d)
  return {
    ...counts(own),
    ioError: true,
    interrupted: state.options.signal?.aborted ?? false,
    diskFull: true,
    stats: { documents: state.accepted, built, failed: 0, skipped: state.upToDate, work: state.work }
  }
}

/**
 * The one diagnostic of a full disk, on the output folder as the user named it: what was written
 * and what was not, and that no output is torn (each is written whole or not at all).
 */
function diskFullDiagnostic(state: RunState, written: number): Diagnostic {
  const folder = state.writesIn
  const full = state.diskFull === 'EDQUOT' ? 'The disk quota is spent (EDQUOT)' : 'The disk is full (ENOSPC)'
  return fileDiagnostic(
    folder,
    `${full}: the build stopped writing in ${folder}. Written by this run: ${written} document${written === 1 ? '' : 's'}, whole; the others were not written` +
      ` (their outputs are as they were: no output is left half-written, and the manifest names only what was written). Free some space and build again: it goes on from there.`,
    DISK_FULL
  )
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
