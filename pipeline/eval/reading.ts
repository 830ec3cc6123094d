import { byCodeUnits } from '../core/order.js'
import { romanValue } from '../core/roman.js'
import { profileFor } from '../lang/index.js'
import type { CorpusGold } from '../types/corpus-gold.js'
import type { Citation, UndocDocument } from '../types/document.js'

/** What undoc read in a text, in the terms of its gold file (schemas/corpus-gold.schema.json). */
export type Reading = Omit<CorpusGold, '$schema' | 'language' | 'kind'> & { language: string; kind: string }

/** A node of the tree as the reading walks it: any type, maybe children. */
interface AnyNode {
  readonly type: string
  readonly children?: readonly AnyNode[]
  readonly [key: string]: unknown
}

/**
 * The reading of a built document: its kind and symbol, its paragraphs counted as the gold counts
 * them (the document's own, not those of an annexed text), the symbols it cites and the days it
 * states. A document that did not build reads as nothing at all.
 */
export function readingOf(doc: UndocDocument | undefined): Reading {
  if (!doc) return { language: '', kind: '', symbol: null, operative: 0, paragraphNumbers: [], subItems: 0, preambular: 0, footnotes: 0, citations: [], dates: [], vote: null }
  const { metadata } = doc
  const numeral = profileFor(metadata.language)?.numeral ?? (() => null)
  const own: AnyNode[] = []
  const everywhere: AnyNode[] = []
  const preamble: AnyNode[] = []
  const walk = (node: AnyNode, inAttachment: boolean) => {
    everywhere.push(node)
    if (!inAttachment) own.push(node)
    if (node.type === 'preamble' && !inAttachment) preamble.push(...(node.children ?? []))
    for (const child of node.children ?? []) walk(child, inAttachment || node.type === 'attachment')
  }
  walk(doc.tree as unknown as AnyNode, false)
  const paragraphs = own.filter((n) => n.type === 'paragraph')
  const operative = paragraphs.filter((p) => p['role'] === 'operative' && ((p['level'] as number | undefined) ?? 1) === 1)
  const citations = new Set<string>()
  const dates = new Set<string>()
  const addDays = (value: unknown) => {
    if (typeof value !== 'string') return
    for (const d of value.split(/[/,]/)) if (/^\d{4}-\d{2}-\d{2}$/.test(d)) dates.add(d)
  }
  const prefaceNodes = new Set(everywhere.filter((n) => n.type === 'preface').flatMap((p) => descendants(p)))
  for (const node of everywhere) {
    if (node.type === 'citation') {
      const c = node as unknown as Citation
      addDays(c.date)
      // A meeting's record is named by undoc, not cited by the text; a title names the document itself.
      if (c.symbol && c.kind !== 'meeting' && !(c.symbol === metadata.symbol && prefaceNodes.has(node))) citations.add(c.symbol)
    } else if (node.type === 'adoption') addDays(node['date'])
  }
  addDays(metadata.date)
  addDays(metadata.issued)
  return {
    language: metadata.language,
    kind: metadata.kind,
    symbol: metadata.symbol ?? null,
    operative: operative.length,
    paragraphNumbers: operative.flatMap((p) => (typeof p['number'] === 'string' ? [arabic(p['number'], numeral)] : [])),
    subItems: paragraphs.filter((p) => ((p['level'] as number | undefined) ?? 1) > 1).length,
    preambular: preamble.filter((n) => n.type === 'paragraph' && n['role'] === 'preambular').length,
    footnotes: everywhere.filter((n) => n.type === 'footnoteDefinition').length,
    citations: [...citations].sort(byCodeUnits),
    dates: [...dates].sort(byCodeUnits),
    vote: voteOf(metadata)
  }
}

function descendants(node: AnyNode): AnyNode[] {
  return [node, ...(node.children ?? []).flatMap(descendants)]
}

/**
 * A printed paragraph number in Arabic digits: "一" → "1", "IV" → "4", "7" stays. Lettered
 * paragraphs ("a", "b", "c") stay letters: only capitals are read as Roman numerals, or "c"
 * would be 100.
 */
function arabic(number: string, numeral: (s: string) => number | null): string {
  const n = numeral(number) ?? (/^[IVXLCDM]+$/.test(number) ? romanValue(number) : null)
  return n === null ? number : String(n)
}

/** The vote of the metadata (the adoption line read as data), as the gold writes it. */
function voteOf({ vote }: UndocDocument['metadata']): Reading['vote'] {
  if (vote === undefined || typeof vote === 'string') return vote ?? null
  return { for: vote.for, against: vote.against, abstentions: vote.abstentions }
}
