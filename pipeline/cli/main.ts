#!/usr/bin/env node
import { parseArgs } from 'node:util'
import { VERSION } from '../core/package-root.js'
import { counts, formatDiagnostic, plural } from './report.js'
import { runBuild } from './run-build.js'

const HELP = `undoc ${VERSION}: UN document texts → validated, structured JSON (and Markdown, PDF)

Usage:
  undoc build [paths…] [--out DIR]   build the sources (files or folders; default input/) into DIR (default output/)
  undoc validate [paths…]            check the sources without writing anything
  undoc --help | --version

Exit codes: 0 clean, 1 when a document has errors, 2 for usage or I/O errors.
`

export async function main(argv: readonly string[]): Promise<number> {
  const out = process.stdout
  const err = process.stderr
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' }
      }
    })
  } catch (error) {
    err.write(`undoc: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`)
    return 2
  }
  const { values, positionals } = parsed
  if (values.version) {
    out.write(`${VERSION}\n`)
    return 0
  }
  const [command, ...paths] = positionals
  if (values.help || command === undefined || command === 'help') {
    out.write(HELP)
    return command === undefined && !values.help ? 2 : 0
  }
  if (command !== 'build' && command !== 'validate') {
    err.write(`undoc: unknown command "${command}"\n\n${HELP}`)
    return 2
  }
  const result = await runBuild({
    paths: paths.length ? paths : ['input'],
    ...(command === 'build' ? { out: values.out ?? 'output' } : {})
  })
  for (const d of result.diagnostics) err.write(`${formatDiagnostic(d)}\n`)
  const { errors, warnings } = counts(result.diagnostics)
  const built = result.builds.filter((b) => b.outputs.length > 0).length
  err.write(`${plural(result.builds.length, 'document')}${command === 'build' ? `, ${built} built` : ''}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
  if (result.ioError) return 2
  return errors > 0 ? 1 : 0
}

process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`undoc: internal error: ${error instanceof Error ? error.message : String(error)}\n`)
  return 2
})
