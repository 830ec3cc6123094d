import { mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'
import { compareDiagnostics, counts, errorCode } from '../../core/diagnostic.js'
import { buildParallel } from '../../document/parallel.js'
import { outputPath } from '../../io/output-folder.js'
import { writeAtomic } from '../../io/write.js'
import type { RunCommand } from '../command.js'
import { readPairs } from '../pairs.js'
import { formatDiagnostic, plural } from '../report.js'

export const runAlign: RunCommand = async (values, positionals, io, command) => {
  const read = await readPairs(positionals, io.cwd)
  if ('usage' in read) {
    io.stderr.write(`undoc align: ${read.usage}\n  ${command.usage}\n`)
    return 2
  }
  const out = resolve(io.cwd, (values.out as string | undefined) ?? 'output')
  const diagnostics = [...read.diagnostics]
  let written = 0
  let writeError = false
  for (const [a, b] of read.pairs) {
    const built = await buildParallel(a, b)
    diagnostics.push(...built.diagnostics)
    // A pair whose versions did not build has no alignment: nothing of it is written.
    if (!built.file) continue
    try {
      await mkdir(out, { recursive: true })
      await writeAtomic(outputPath(out, `${built.name}.align.json`), `${JSON.stringify(built.file, null, 2)}\n`)
      written++
    } catch (error) {
      io.stderr.write(`undoc align: cannot write ${built.name}.align.json (${errorCode(error)})\n`)
      writeError = true
    }
  }
  diagnostics.sort(compareDiagnostics)
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
  const { errors, warnings } = counts(diagnostics)
  io.stderr.write(`${plural(read.pairs.length, 'pair')} of versions, ${written} aligned: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}\n`)
  if (writeError || read.diagnostics.length > 0) return 2
  return errors > 0 ? 1 : 0
}
