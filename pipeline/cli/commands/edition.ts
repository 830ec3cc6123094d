import { mkdir } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { compareDiagnostics, errorCode, Messages, type Diagnostic } from '../../core/diagnostic.js'
import type { EditionDocument } from '../../emit/pdf/edition.js'
import { readSource, sourcesInOrder } from '../../io/sources.js'
import { writeAtomic } from '../../io/write.js'
import type { Command } from '../command.js'
import { counts } from '../../core/diagnostic.js'
import { formatDiagnostic, plural } from '../report.js'

export const editionCommand: Command = {
  name: 'edition',
  summary: 'typeset several documents as one printable PDF volume',
  usage: 'undoc edition [paths…] --title "…" -o FILE.pdf   a volume with contents, running heads, page numbers, index of cited resolutions',
  options: {
    title: { type: 'string', short: 't' },
    out: { type: 'string', short: 'o' }
  },
  async run(values, positionals, io) {
    // The pipeline and the typesetter are loaded by the command that uses them, not by every command.
    const [{ buildDocument }, { editionPdf }] = await Promise.all([import('../../document/build.js'), import('../../emit/pdf/edition.js')])
    const title = values.title as string | undefined
    const out = values.out as string | undefined
    if (!title?.trim() || !out) {
      io.stderr.write(`undoc edition: ${!out ? 'give the output file with -o FILE.pdf' : 'give the title of the volume with --title'}\n  ${this.usage}\n`)
      return 2
    }
    // The documents in the order the command line gives them: a volume's order is the editor's.
    const { sources, diagnostics } = await sourcesInOrder(positionals.length ? positionals : ['input'], io.cwd)
    let ioError = diagnostics.length > 0
    const inputs = []
    for (const source of sources) {
      const input = readSource(source, io.cwd)
      if (!input.ok) {
        diagnostics.push(...input.diagnostics)
        ioError = true
      } else inputs.push(input.value)
    }
    // Built once to learn the symbols, then again so that citations of each other lead inside the volume.
    const first = await Promise.all(inputs.map((input) => buildDocument(input, { corpus: new Map() }, [])))
    const corpus = new Map<string, string>()
    for (const b of first) if (b.document?.metadata.symbol && !corpus.has(b.document.metadata.symbol)) corpus.set(b.document.metadata.symbol, b.name)
    const builds = await Promise.all(inputs.map((input) => buildDocument(input, { corpus }, [])))
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
      if (docs.length === 0 && !ioError) diagnostics.push({ file: out, line: 1, column: 1, severity: 'error', ruleId: 'usage', source: 'undoc', reason: 'No source to set: give the files or folders of the documents.' })
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
}
