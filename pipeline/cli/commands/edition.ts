import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { compareDiagnostics, counts, errorCode, Messages, type Diagnostic } from '../../core/diagnostic.js'
import type { EditionDocument } from '../../emit/pdf/edition.js'
import { readSource, sourcesInOrder, type SourceFile } from '../../io/sources.js'
import { writeAtomic } from '../../io/write.js'
import { overwritesInput } from '../../io/output-folder.js'
import type { CommandIO, RunCommand } from '../command.js'
import { readPairs } from '../pairs.js'
import { formatDiagnostic, plural } from '../report.js'

export const runEdition: RunCommand = async (values, positionals, io, command) => {
  // The pipeline and the typesetter are loaded by the command that uses them, not by every command.
  const [{ buildDocument }, { editionPdf }] = await Promise.all([import('../../document/build.js'), import('../../emit/pdf/edition.js')])
  const title = values.title as string | undefined
  const out = values.out as string | undefined
  if (values.parallel === true) return parallelEdition(positionals, title?.trim(), out, io, command.usage, values['follow-links'] === true)
  if (!title?.trim() || !out) {
    io.stderr.write(`undoc edition: ${!out ? 'give the output file with -o FILE.pdf' : 'give the title of the volume with --title'}\n  ${command.usage}\n`)
    return 2
  }
  // The documents in the order the command line gives them: a volume's order is the editor's.
  const inputs = positionals.length ? positionals : ['input']
  const { sources, diagnostics } = await sourcesInOrder(inputs, io.cwd, { followLinks: values['follow-links'] === true })
  if (overwritesSource(out, inputs, sources, io)) return 2
  let ioError = diagnostics.length > 0
  const read = []
  for (const source of sources) {
    const input = readSource(source, io.cwd)
    if (!input.ok) {
      diagnostics.push(...input.diagnostics)
      ioError = true
    } else read.push(input.value)
  }
  // Built once to learn the symbols, then again so that citations of each other lead inside the volume.
  const first = await Promise.all(read.map((input) => buildDocument(input, { corpus: new Map() }, [])))
  const corpus = new Map<string, string>()
  for (const b of first) if (b.document?.metadata.symbol && !corpus.has(b.document.metadata.symbol)) corpus.set(b.document.metadata.symbol, b.name)
  const builds = await Promise.all(read.map((input) => buildDocument(input, { corpus }, [])))
  const docs: EditionDocument[] = []
  for (const b of builds) {
    diagnostics.push(...b.diagnostics)
    if (b.document) docs.push({ name: b.name, document: b.document })
  }
  const report = (all: Diagnostic[]) => {
    all.sort(compareDiagnostics)
    for (const d of all) io.stderr.write(`${formatDiagnostic(d)}\n`)
    const { errors, warnings } = counts(all)
    return { errors, warnings }
  }
  if (counts(diagnostics).errors > 0 || ioError || docs.length === 0) {
    if (docs.length === 0 && !ioError)
      diagnostics.push({ file: out, line: 1, column: 1, severity: 'error', ruleId: 'usage', source: 'undoc', reason: 'No source to set: give the files or folders of the documents.' })
    const { errors, warnings } = report(diagnostics)
    io.stderr.write(`${plural(sources.length, 'document')}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}; no edition written\n`)
    return ioError ? 2 : 1
  }
  const pdf = await editionPdf(docs, title.trim(), (reason, ruleId, at) => {
    const m = new Messages(at.file ?? out)
    m.add('warning', reason, ruleId, at.position)
    diagnostics.push(...m.toData())
  })
  const target = resolve(io.cwd, out)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeAtomic(target, pdf)
  } catch (error) {
    report(diagnostics)
    io.stderr.write(`undoc edition: cannot write ${out} (${errorCode(error)})\n`)
    return 2
  }
  const { warnings } = report(diagnostics)
  io.stderr.write(`${plural(docs.length, 'document')} set in ${out}: ${plural(warnings, 'warning')}\n`)
  return 0
}

/**
 * `undoc edition --parallel`: each pair of versions built, aligned and set side by side. Where the
 * versions disagree is reported (the edition shows them as they are); a version that does not
 * build stops the edition.
 */
async function parallelEdition(positionals: readonly string[], title: string | undefined, out: string | undefined, io: CommandIO, usage: string, followLinks: boolean): Promise<number> {
  if (!out) {
    io.stderr.write(`undoc edition: give the output file with -o FILE.pdf\n  ${usage}\n`)
    return 2
  }
  const read = await readPairs(positionals, io.cwd, followLinks)
  if ('usage' in read) {
    io.stderr.write(`undoc edition: ${read.usage}\n  ${usage}\n`)
    return 2
  }
  if (overwritesSource(out, positionals, read.files, io)) return 2
  const [{ buildParallel }, { parallelPdf }] = await Promise.all([import('../../document/parallel.js'), import('../../emit/pdf/parallel.js')])
  const diagnostics: Diagnostic[] = [...read.diagnostics]
  const pairs = []
  let failed = false
  for (const [a, b] of read.pairs) {
    const built = await buildParallel(a, b)
    diagnostics.push(...built.diagnostics)
    if (built.pair) pairs.push({ ...built.pair, name: built.name })
    else failed = true
  }
  diagnostics.sort(compareDiagnostics)
  for (const d of diagnostics) io.stderr.write(`${formatDiagnostic(d)}\n`)
  if (failed || read.diagnostics.length > 0 || pairs.length === 0) {
    io.stderr.write(`${plural(read.pairs.length, 'pair')} of versions: no edition written\n`)
    return read.diagnostics.length > 0 ? 2 : 1
  }
  const first = pairs[0]!
  const pdf = await parallelPdf(pairs, title || (first.a.metadata.symbol ?? first.b.metadata.symbol ?? first.name), (reason, ruleId, at) => {
    const m = new Messages(at.file ?? out)
    m.add('warning', reason, ruleId, at.position)
    for (const d of m.toData()) io.stderr.write(`${formatDiagnostic(d)}\n`)
  })
  const target = resolve(io.cwd, out)
  try {
    await mkdir(dirname(target), { recursive: true })
    await writeAtomic(target, pdf)
  } catch (error) {
    io.stderr.write(`undoc edition: cannot write ${out} (${errorCode(error)})\n`)
    return 2
  }
  const { errors } = counts(diagnostics)
  io.stderr.write(`${plural(pairs.length, 'pair')} of versions set side by side in ${out}; ${plural(errors, 'disagreement')} between versions reported\n`)
  return 0
}

/** Says so, and is true, when the volume would be written over a source it reads or into an input folder under a source's name. */
function overwritesSource(out: string, inputs: readonly string[], sources: readonly SourceFile[], io: CommandIO): boolean {
  const why = overwritesInput(out, inputs, sources, io.cwd)
  if (why !== undefined) io.stderr.write(`undoc edition: Refused to write ${out}: ${why}. Write the volume apart from the sources.\n`)
  return why !== undefined
}
