import { romanValue } from '../core/roman.js'
import type { RawMessage } from '../core/diagnostic.js'
import type { NormalizedText } from '../model/normalized-text.js'
import { kindOfSymbol, organOfSymbol, symbolFromNumber } from '../model/un-symbol.js'
import type { LanguageProfile } from '../lang/profile.js'
import type { Metadata, Root } from '../types/document.js'
import type { SourceMeta } from '../types/source-meta.js'
import { Positions, splitBlocks } from '../model/blocks.js'
import { classify } from './classify.js'
import { Grammar, type Found } from './grammar.js'

export interface Structured {
  readonly tree: Root
  readonly metadata: Metadata
  readonly messages: readonly RawMessage[]
}

/** Canonical text → the document tree and its metadata, by the document grammar. */
export function structure(normalized: NormalizedText, lang: LanguageProfile, sidecar: SourceMeta = {}): Structured {
  const text = normalized.text
  const pos = new Positions(text)
  const { main, footnotes } = splitBlocks(text)
  const grammar = new Grammar(
    main.map((b) => classify(b, lang)),
    pos,
    lang
  )
  const children = grammar.document(footnotes)
  const found = grammar.found
  const messages: RawMessage[] = []
  const kind = sidecar.kind ?? kindOfSymbol(sidecar.symbol ?? normalized.lifted.symbol) ?? found.kind ?? 'unknown'
  if (kind === 'unknown' && main.length > 0) {
    const [rawStart, rawEnd] = text.toRawRange(main[0]!.start, main[0]!.end)
    messages.push({
      ruleId: 'unknown-kind',
      severity: 'warning',
      reason: 'The grammar does not know this kind of document (no resolution formula, letter or note title): it is built as plain paragraphs. Give its kind in a .meta.json sidecar if it is known.',
      rawStart,
      rawEnd
    })
  }
  const tree: Root = { type: 'root', children, position: text.raw.position(0, text.raw.text.length) }
  return { tree, metadata: metadataOf(found, kind, normalized, lang, sidecar), messages }
}

function metadataOf(found: Found, kind: Metadata['kind'], normalized: NormalizedText, lang: LanguageProfile, sidecar: SourceMeta): Metadata {
  const lifted = normalized.lifted
  const symbol = sidecar.symbol ?? lifted.symbol ?? symbolFromNumber(kind, found.number)
  const session = found.session ?? sessionFromNumber(found.number)
  const date = sidecar.date ?? found.date ?? lifted.issued
  const meta: Metadata = {
    ...(symbol ? { symbol } : {}),
    language: sidecar.language ?? lang.tag,
    kind,
    ...((sidecar.title ?? found.title) ? { title: sidecar.title ?? found.title } : {}),
    ...(found.number ? { number: found.number } : {}),
    ...((found.organ ?? organOfSymbol(symbol) ?? organOfAgenda(normalized.text.text, lang)) ? { organ: found.organ ?? organOfSymbol(symbol) ?? organOfAgenda(normalized.text.text, lang) } : {}),
    ...(date ? { date } : {}),
    // The lifted date of issue is kept when the text dates itself otherwise: it is data the page gives.
    ...(lifted.issued && lifted.issued !== date ? { issued: lifted.issued } : {}),
    ...(session ? { session } : {}),
    ...(found.agendaItem ? { agendaItem: found.agendaItem } : {}),
    ...(found.basis ? { basis: found.basis } : {}),
    ...(found.meeting ? { meeting: found.meeting } : {}),
    ...((found.vote ?? lifted.vote) ? { vote: found.vote ?? lifted.vote } : {}),
    ...(found.place ? { place: found.place } : {}),
    ...((sidecar.originalLanguage ?? lifted.originalLanguage) ? { originalLanguage: sidecar.originalLanguage ?? lifted.originalLanguage } : {}),
    ...((sidecar.distribution ?? lifted.distribution) ? { distribution: sidecar.distribution ?? lifted.distribution } : {}),
    ...(lifted.jobNumber ? { jobNumber: lifted.jobNumber } : {})
  }
  return meta
}

/**
 * The organ whose agenda a text is circulated under, when it names it ("作为大会议程项目122(s)的文件分发"):
 * a letter has no symbol or formula of its own to tell it.
 */
function organOfAgenda(text: string, lang: LanguageProfile): Metadata['organ'] | undefined {
  const names = Object.keys(lang.citations.organs)
  if (names.length === 0) return undefined
  const m = new RegExp(`(${names.join('|')})${lang.citations.agendaItem}`).exec(text)
  return m ? lang.citations.organs[m[1]!] : undefined
}

/** A GA resolution's number tells its session: 67/264 → 67, 3369(XXX) → 30. */
function sessionFromNumber(number: string | undefined): Metadata['session'] | undefined {
  const slash = number ? /^(\d+)\/\d+$/.exec(number) : null
  if (slash) return { number: Number(slash[1]) }
  const roman = number ? /^\d+\(([IVXLC]+)\)$/.exec(number) : null
  const value = roman ? romanValue(roman[1]!) : null
  return value ? { number: value } : undefined
}
