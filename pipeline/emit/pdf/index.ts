import { profileFor } from '../../lang/index.js'
import type { Typesetting } from '../../lang/profile.js'
import type { UndocDocument } from '../../types/document.js'
import type { EmitContext, Emitted } from '../index.js'
import { compose } from './compose.js'
import { Flow, type Page } from './layout.js'
import type { MissingGlyph } from './linebreak.js'
import { masthead } from './masthead.js'
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
export function layDocument(flow: Flow, document: UndocDocument, key: string, missing: MissingGlyph[], volume?: ReadonlyMap<string, string>): Page {
  const rules = typesettingFor(document)
  const composed = compose(document, rules, key, volume)
  missing.push(...composed.missing.map((m) => ({ ...m, file: document.source.path })))
  for (const [k, note] of composed.notes) flow.notes.set(k, note)
  const page = flow.startDocument(key, document.metadata.symbol)
  flow.moveTo(masthead(page, document.metadata, rules, missing))
  composed.blocks.forEach((b, i) => flow.add(b, composed.blocks[i + 1]))
  return page
}

/** Warns once per character that no face has, at the first place it occurs. */
export function reportMissing(missing: readonly MissingGlyph[], warn: (reason: string, ruleId: string, at: MissingGlyph) => void): void {
  const seen = new Set<string>()
  for (const m of missing) {
    if (seen.has(m.char)) continue
    seen.add(m.char)
    const code = `U+${m.char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
    warn(`No font of the PDF has the character "${m.char}" (${code}): it prints as an empty box. Replace it, or report it so a font that has it is added.`, 'pdf-missing-glyph', m)
  }
}

/** A document laid out on its own pages. */
export function documentPages(document: UndocDocument, missing: MissingGlyph[]): Page[] {
  const flow = new Flow()
  layDocument(flow, document, 'doc', missing)
  return flow.finish()
}

/** The typeset PDF of one document, and its number of pages. */
export async function emitPdf(document: UndocDocument, ctx: EmitContext): Promise<Emitted & { content: Uint8Array }> {
  const missing: MissingGlyph[] = []
  const pages = documentPages(document, missing)
  reportMissing(missing, (reason, ruleId, at) => ctx.warn?.(reason, ruleId, at.position))
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

