import type { RunCommand } from '../command.js'
import { counts, type Diagnostic } from '../../core/diagnostic.js'
import { readPairs } from '../pairs.js'
import { report, REPORTERS, useColor } from '../reporters/index.js'
import { printable } from '../report.js'

export const runValidate: RunCommand = async (values, positionals, io, command) => {
  const format = (values.format as string | undefined) ?? 'text'
  const reporter = REPORTERS.find((r) => r.name === format)
  const maxText = values['max-warnings'] as string | undefined
  const maxWarnings = maxText === undefined ? undefined : /^\d+$/.test(maxText) ? Number(maxText) : NaN
  if (!reporter || Number.isNaN(maxWarnings)) {
    const problem = reporter ? `--max-warnings takes a whole number, not "${printable(maxText!)}"` : `unknown format "${printable(format)}"`
    io.stderr.write(`undoc validate: ${problem}\n  ${command.usage}\n`)
    return 2
  }
  const color = useColor(io.stdout, io.env)
  if (values.parallel === true) {
    const read = await readPairs(positionals, io.cwd, values['follow-links'] === true)
    if ('usage' in read) {
      io.stderr.write(`undoc validate: ${read.usage}\n  ${command.usage}\n`)
      return 2
    }
    const { buildParallel } = await import('../../document/parallel.js')
    const diagnostics = [...read.diagnostics]
    const sources: string[] = []
    for (const [a, b] of read.pairs) {
      diagnostics.push(...(await buildParallel(a, b)).diagnostics)
      sources.push(a.path, b.path)
    }
    io.stdout.write(reporter.format(report(diagnostics, sources, sources.length), { color }))
    return read.diagnostics.length > 0 ? 2 : verdict(counts(diagnostics), maxWarnings, io.stderr)
  }
  const [{ loadLinter }, { runBuild }] = await Promise.all([import('../../batch/linter.js'), import('../../batch/run-build.js')])
  const config = values.config as string | undefined
  const loaded = await loadLinter(io.cwd, config)
  if (!loaded.ok) {
    // The configuration's own problems, in the format asked for: a CI shows them on its lines too.
    io.stdout.write(reporter.format(report(loaded.diagnostics, [], 0), { color }))
    return 2
  }
  // A report (SARIF, JSON) is one document: its diagnostics are all held to write it.
  const diagnostics: Diagnostic[] = []
  const sources: string[] = []
  const result = await runBuild({
    paths: positionals.length ? positionals : ['input'],
    cwd: io.cwd,
    followLinks: values['follow-links'] === true,
    lint: config === undefined ? {} : { config },
    report: { write: (d) => diagnostics.push(d), source: (path) => sources.push(path) }
  })
  io.stdout.write(reporter.format(report(diagnostics, sources, sources.length), { color }))
  return result.ioError ? 2 : verdict(result, maxWarnings, io.stderr)
}

/** The exit code of a check that could read its files: 1 with errors, or with more warnings than allowed. */
function verdict({ errors, warnings }: { errors: number; warnings: number }, maxWarnings: number | undefined, stderr: NodeJS.WritableStream): number {
  if (errors > 0) return 1
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    stderr.write(`undoc validate: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows\n`)
    return 1
  }
  return 0
}
