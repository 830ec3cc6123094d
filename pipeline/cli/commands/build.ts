import type { Command } from '../command.js'
import { loadLinter } from '../lint-config.js'
import { counts, formatDiagnostic, plural } from '../report.js'
import { runBuild } from '../run-build.js'

export const buildCommand: Command = {
  name: 'build',
  summary: 'build the sources into JSON (and the other outputs); lint findings are reported and never stop outputs',
  usage: 'undoc build [paths…] [--out DIR] [--config FILE]   files or folders (default input/) into DIR (default output/)',
  options: {
    out: { type: 'string', short: 'o' },
    config: { type: 'string', short: 'c' }
  },
  async run(values, positionals, io) {
    const loaded = await loadLinter(io, values.config as string | undefined)
    if ('diagnostics' in loaded) {
      for (const d of loaded.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
      return 2
    }
    const result = await runBuild({ paths: positionals.length ? positionals : ['input'], out: (values.out as string | undefined) ?? 'output', cwd: io.cwd, lint: loaded.linter })
    for (const d of result.diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
    const { errors, warnings } = counts(result.diagnostics)
    const built = result.builds.filter((b) => b.built).length
    io.stderr.write(`${plural(result.builds.length, 'document')}, ${built} built: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
    if (result.ioError) return 2
    return errors > 0 ? 1 : 0
  }
}
