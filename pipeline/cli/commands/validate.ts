import type { Command } from '../command.js'
import type { Diagnostic } from '../../core/diagnostic.js'
import { report, REPORTERS, useColor } from '../reporters/index.js'

export const validateCommand: Command = {
  name: 'validate',
  summary: 'check the sources (pipeline and lint rules) without writing anything',
  usage: `undoc validate [paths…] [--format ${REPORTERS.map((r) => r.name).join('|')}] [--max-warnings N] [--config FILE]`,
  options: {
    format: { type: 'string', short: 'f' },
    'max-warnings': { type: 'string' },
    config: { type: 'string', short: 'c' }
  },
  async run(values, positionals, io) {
    const format = (values.format as string | undefined) ?? 'text'
    const reporter = REPORTERS.find((r) => r.name === format)
    const maxText = values['max-warnings'] as string | undefined
    const maxWarnings = maxText === undefined ? undefined : /^\d+$/.test(maxText) ? Number(maxText) : NaN
    if (!reporter || Number.isNaN(maxWarnings)) {
      const problem = reporter ? `--max-warnings takes a whole number, not "${maxText}"` : `unknown format "${format}"`
      io.stderr.write(`undoc validate: ${problem}\n  ${this.usage}\n`)
      return 2
    }
    const color = useColor(io.stdout, io.env)
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
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], cwd: io.cwd, lint: config === undefined ? {} : { config }, report: { write: (d) => diagnostics.push(d), source: (path) => sources.push(path) } })
    io.stdout.write(reporter.format(report(diagnostics, sources, sources.length), { color }))
    const { errors, warnings } = result
    if (result.ioError) return 2
    if (errors > 0) return 1
    if (maxWarnings !== undefined && warnings > maxWarnings) {
      io.stderr.write(`undoc validate: ${warnings} warnings, more than --max-warnings ${maxWarnings} allows\n`)
      return 1
    }
    return 0
  }
}
