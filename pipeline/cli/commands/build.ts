import { loadLinter } from '../../batch/linter.js'
import { runBuild } from '../../batch/run-build.js'
import type { RunResult } from '../../batch/run-state.js'
import { FORMATS } from '../../emit/formats.js'
import type { RunCommand } from '../command.js'
import { progressView, summaryLine } from '../progress.js'
import { formatDiagnostic, printable } from '../report.js'

/**
 * The most shares a build is split into. A CI matrix runs tens of jobs; a count in the billions
 * (or past what a number holds exactly) would leave every share but a few empty, and a run that
 * builds nothing must not look like one that built its share.
 */
const MAX_SHARDS = 10_000

/**
 * Exit codes of a run stopped by a signal, as shells report a process it ended: SIGINT (Ctrl-C)
 * and SIGTERM (kill, a CI job cancelled, a container stopped) both stop the run the same way,
 * its temporary files cleared, and each has its code.
 */
const STOPPED_BY = { SIGINT: 130, SIGTERM: 143 } as const

/** The exit code of a build that stopped on a full disk (or a spent quota): its own, for a script to tell it from a document's errors (1) and other I/O errors (2). */
const DISK_FULL_EXIT = 3

export const runBuildCommand: RunCommand = async (values, positionals, io) => {
  const config = values.config as string | undefined
  const loaded = await loadLinter(io.cwd, config)
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
    return 2
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs)
  if (jobs !== undefined && !(Number.isInteger(jobs) && jobs >= 1)) {
    io.stderr.write(`undoc build: --jobs takes a whole number of documents at once, 1 or more (not "${printable(String(values.jobs))}").\n`)
    return 2
  }
  const shard = values.shard === undefined ? undefined : /^(\d{1,6})\/(\d{1,6})$/.exec(String(values.shard))
  if (shard !== undefined && (shard === null || Number(shard[1]) < 1 || Number(shard[1]) > Number(shard[2]) || Number(shard[2]) > MAX_SHARDS)) {
    io.stderr.write(`undoc build: --shard takes I/N, the I-th of N shares (1 ≤ I ≤ N ≤ ${MAX_SHARDS}), not "${printable(String(values.shard))}".\n`)
    return 2
  }
  const formats = values.formats === undefined ? undefined : String(values.formats).split(',')
  const unknown = formats?.filter((f) => !(FORMATS as readonly string[]).includes(f))
  if (formats !== undefined && (formats.length === 0 || unknown!.length > 0)) {
    io.stderr.write(`undoc build: --formats takes a comma-separated list of ${FORMATS.join(', ')} (not "${printable(String(values.formats))}").\n`)
    return 2
  }
  const quiet = values.quiet === true
  const view = await progressView(io, quiet)
  let viewing = true
  const stopView = () => {
    if (viewing) view.stop()
    viewing = false
  }
  const abort = new AbortController()
  let stoppedBy: keyof typeof STOPPED_BY = 'SIGINT'
  const interrupt = (signal: keyof typeof STOPPED_BY) => {
    stoppedBy = signal
    abort.abort()
  }
  for (const signal of Object.keys(STOPPED_BY) as (keyof typeof STOPPED_BY)[]) process.once(signal, interrupt)
  const startedAt = performance.now()
  let result
  try {
    result = await runBuild({
      paths: positionals.length ? positionals : ['input'],
      out: (values.out as string | undefined) ?? 'output',
      cwd: io.cwd,
      ...(jobs !== undefined ? { jobs } : {}),
      force: values.force === true,
      followLinks: values['follow-links'] === true,
      ...(formats ? { formats } : {}),
      ...(shard ? { shard: { index: Number(shard[1]), count: Number(shard[2]) } } : {}),
      onProgress: (p) => view.update(p),
      signal: abort.signal,
      lint: config === undefined ? {} : { config },
      // --quiet keeps errors only; warnings and notes are for those watching.
      report: {
        ...(quiet ? { severities: ['error'] as const } : {}),
        write: (d) => {
          stopView()
          io.stderr.write(`${formatDiagnostic(d)}\n`)
        }
      }
    })
  } finally {
    stopView()
    for (const signal of Object.keys(STOPPED_BY)) process.off(signal, interrupt)
  }
  io.stderr.write(summaryLine(result, (performance.now() - startedAt) / 1000))
  return buildExit(result, stoppedBy)
}

/** A build's exit code (README, "Exit codes"): stopped by a signal, the disk full, an I/O or usage error, a document's errors, or clean. */
export function buildExit(result: RunResult, stoppedBy: keyof typeof STOPPED_BY = 'SIGINT'): number {
  if (result.interrupted) return STOPPED_BY[stoppedBy]
  if (result.diskFull) return DISK_FULL_EXIT
  if (result.ioError) return 2
  return result.errors > 0 ? 1 : 0
}
