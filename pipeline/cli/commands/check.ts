import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { INDEX_NAME } from '../../batch/output-names.js'
import { runBuild } from '../../batch/run-build.js'
import type { Diagnostic } from '../../core/diagnostic.js'
import { EMITTERS } from '../../emit/index.js'
import type { RunCommand } from '../command.js'
import { formatDiagnostic, plural } from '../report.js'

/** The editions `check` compares: every emitter's but the PDF, which is not committed. */
const CHECKED = EMITTERS.filter((e) => e.extension !== '.pdf')

/** The files of a folder that `check` compares: the checked editions and the corpus index (named `index`). */
async function outputsIn(folder: string, index: string): Promise<Set<string>> {
  return new Set((await readdir(folder)).filter((n) => !n.startsWith('.')).filter((n) => n === index || CHECKED.some((e) => n.endsWith(e.extension))))
}

export const runCheck: RunCommand = async (values, positionals, io) => {
  const out = (values.out as string | undefined) ?? 'output'
  const folder = resolve(io.cwd, out)
  let committed: Set<string>
  try {
    committed = await outputsIn(folder, INDEX_NAME)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code !== 'ENOENT') {
      io.stderr.write(`undoc check: cannot read ${out} (${code ?? String(error)})\n`)
      return 2
    }
    committed = new Set()
  }
  // A fresh build, on every core, into a scratch folder outside the repository: the committed
  // folder is never touched, and what a build writes is compared file by file.
  const scratch = await mkdtemp(join(tmpdir(), 'undoc-check-'))
  try {
    const errors: Diagnostic[] = []
    const result = await runBuild({
      paths: positionals.length ? positionals : ['input'],
      cwd: io.cwd,
      out: scratch,
      followLinks: values['follow-links'] === true,
      formats: CHECKED.map((e) => e.format),
      report: { severities: ['error'], write: (d) => errors.push(d) }
    })
    for (const d of errors) io.stderr.write(`${formatDiagnostic(d)}\n`)
    if (result.ioError) return 2
    const built = await outputsIn(scratch, INDEX_NAME)
    const shown = (name: string) => join(out, name).split('\\').join('/')
    const problems: string[] = []
    for (const name of [...new Set([...built, ...committed])].sort()) {
      if (!committed.has(name)) problems.push(`${shown(name)}  missing: a build writes it, and it is not there`)
      else if (!built.has(name)) problems.push(`${shown(name)}  extra: no source builds it`)
      else if (!(await readFile(join(scratch, name))).equals(await readFile(join(folder, name)))) problems.push(`${shown(name)}  stale: a build now writes something else`)
    }
    for (const p of problems) io.stderr.write(`${p}\n`)
    const summary = problems.length > 0 ? `${plural(problems.length, 'output')} not current: run undoc build and commit ${out}/` : `${plural(built.size, 'output')} current`
    io.stderr.write(`${summary}${errors.length > 0 ? `; ${plural(errors.length, 'error')} in the sources` : ''}\n`)
    return problems.length > 0 || errors.length > 0 ? 1 : 0
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
