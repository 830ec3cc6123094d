import { profileFor } from '../../lang/index.js'
import type { Typesetting } from '../../lang/profile.js'
import type { UndocDocument } from '../../types/document.js'
import type { EmitContext, Emitted } from '../index.js'
import { printedSymbol } from '../../model/un-symbol.js'
import { compose } from './compose.js'
import { Flow, type Page } from './layout.js'
import { settingReport, type ForcedBreak, type MissingGlyph, type SettingReport } from './linebreak.js'
import { firstPageFoot, masthead } from './masthead.js'
import { renderPdf } from './render.js'

/** The typesetting rules of a document's language. */
export function typesettingFor(document: UndocDocument): Typesetting {
  const profile = profileFor(document.metadata.language)
  if (!profile) throw new Error(`no language profile for ${document.metadata.language}`)
  return profile.typesetting
}

/**
 * Lays a document out on pages from its first (masthead) page on; `key` tells its destinations
 * from other documents' (`volume`: the keys of an edition's documents by output name). Returns its first page.
 */
export function layDocument(flow: Flow, document: UndocDocument, key: string, report: SettingReport, volume?: ReadonlyMap<string, string>): Page {
  const rules = typesettingFor(document)
  const composed = compose(document, rules, key, volume)
  const file = document.source.path
  report.missing.push(...composed.report.missing.map((m) => ({ ...m, file })))
  report.forced.push(...composed.report.forced.map((f) => ({ ...f, file })))
  for (const [k, note] of composed.notes) flow.notes.set(k, note)
  const page = flow.startDocument(key, runningHead(document))
  flow.moveTo(masthead(page, document.metadata, rules, report))
  firstPageFoot(page, document.metadata, rules, report)
  composed.blocks.forEach((b, i) => flow.add(b, composed.blocks[i + 1]))
  return page
}

/** The most a title gives a running head, in characters. */
const SHORT_TITLE = 30

/** A running head that says where the reader is: the symbol, or else the title, shortened. */
function runningHead(document: UndocDocument): string {
  const { symbol, title } = document.metadata
  if (symbol) return printedSymbol(symbol)
  const text = title ?? document.source.name
  return [...text].length > SHORT_TITLE ? `${[...text].slice(0, SHORT_TITLE - 1).join('')}…` : text
}

/**
 * Warns once per character that no face has, at the first place it occurs, and at every run
 * broken where it reached the margin for want of a place to break.
 */
export function reportSetting(report: SettingReport, warn: (reason: string, ruleId: string, at: MissingGlyph | ForcedBreak) => void): void {
  for (const f of report.forced) {
    const shown = f.text.length > 40 ? `${f.text.slice(0, 40)}…` : f.text
    warn(
      `The line "${shown}" ends inside a run of text that has no place to break (no space, no "/ . - _ ? & =", no hyphenation point): it is broken where it reaches the margin. Add a space or a break where the text may be divided.`,
      'pdf-forced-break',
      f
    )
  }
  const seen = new Set<string>()
  for (const m of report.missing) {
    if (seen.has(m.char)) continue
    seen.add(m.char)
    const code = `U+${m.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    warn(`No font of the PDF has the character "${m.char}" (${code}): it prints as an empty box. Replace it, or report it so a font that has it is added.`, 'pdf-missing-glyph', m)
  }
}

/** A document laid out on its own pages. */
export function documentPages(document: UndocDocument, report: SettingReport = settingReport()): Page[] {
  const flow = new Flow()
  layDocument(flow, document, 'doc', report)
  return flow.finish()
}

/** The typeset PDF of one document, and its number of pages. */
export async function emitPdf(document: UndocDocument, ctx: EmitContext): Promise<Emitted & { content: Uint8Array }> {
  const report = settingReport()
  const pages = documentPages(document, report)
  reportSetting(report, (reason, ruleId, at) => ctx.warn?.(reason, ruleId, at.position))
  const m = document.metadata
  const content = await renderPdf(pages, {
    title: m.title ?? m.symbol ?? document.source.name,
    ...(m.symbol ? { subject: m.symbol } : {}),
    lang: m.language,
    ...(m.date ? { date: m.date } : {}),
    identity: `${document.undoc}\n${document.source.sha256}`
  })
  return { content, pages: pages.length }
}
