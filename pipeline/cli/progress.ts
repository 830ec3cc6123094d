import type { CommandIO } from './command.js'
import { plural } from './report.js'
import type { Progress, RunResult } from '../batch/run-state.js'

/**
 * Shows a run's progress: a bar on a terminal; nothing in CI, with --quiet or into a file or pipe.
 * It counts builds: a document built again with its corpus links adds one to the total.
 */
export interface ProgressView {
  update(progress: Progress): void
  stop(): void
}

export async function progressView(io: CommandIO, quiet: boolean): Promise<ProgressView> {
  if (quiet || !io.stderr.isTTY || io.env.CI) return { update: () => undefined, stop: () => undefined }
  // The bar's package (and the string-width and emoji tables it loads) only for a bar shown.
  const { SingleBar } = await import('cli-progress')
  const bar = new SingleBar({
    stream: io.stderr,
    format: '{bar} {value}/{total} builds | {rate} docs/s | ETA {eta_formatted} | {warnings} warnings, {errors} errors',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 50
  })
  const startedAt = performance.now()
  let started = false
  return {
    update(p) {
      const seconds = (performance.now() - startedAt) / 1000
      const values = { rate: seconds > 0 ? (p.done / seconds).toFixed(1) : '0', warnings: p.warnings, errors: p.errors }
      if (!started) {
        bar.start(p.total, p.done, values)
        started = true
      } else {
        bar.setTotal(p.total)
        bar.update(p.done, values)
      }
    },
    stop: () => bar.stop()
  }
}

/** The final line of a build: documents, what was built, skipped and failed, pages, errors, warnings, time. */
export function summaryLine(result: RunResult, seconds: number): string {
  const { stats, errors, warnings } = result
  const pages = stats.pages !== undefined ? `, ${plural(stats.pages, 'page')}` : ''
  const failed = stats.failed > 0 ? `, ${stats.failed} failed` : ''
  const stopped = result.interrupted ? `, ${stats.documents - stats.built - stats.failed - stats.skipped} left (interrupted)` : ''
  return `${plural(stats.documents, 'document')}: ${stats.built} built, ${stats.skipped} skipped${failed}${stopped}${pages}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${seconds.toFixed(1)} s\n`
}
