import type { MappedText } from '../model/mapped-text.js'
import type { LanguageProfile } from '../lang/profile.js'
import type { RawMessage } from '../core/diagnostic.js'
import { Positions } from '../model/blocks.js'
import type { Citation, Inline, Metadata, Part, Root, Text } from '../types/document.js'
import { FIRST_NUMBERED_SESSION, parseCitations, type Match } from '../model/citation-grammar.js'
import { officialHref } from '../model/citation-links.js'
import { tokenize } from '../model/citation-tokens.js'

/** A node whose children are inline content. */
type InlineParent = { children: Inline[] }

export interface CrossrefResult {
  readonly tree: Root
  /** A warning for each citation read other than as printed, at the citation's raw offsets. */
  readonly messages: readonly RawMessage[]
}

/**
 * The crossref stage: finds the citations in every text of the tree and makes them `citation`
 * nodes with exact raw positions, resolved to canonical symbols, official links and the nodes
 * of this document they point to (which get ids). Pure: returns a new tree, and a warning for
 * each citation it read other than as printed.
 */
export function crossref(tree: Root, text: MappedText, lang: LanguageProfile, metadata: Metadata): CrossrefResult {
  const pos = new Positions(text)
  const root = copyContainers(tree)
  const ids = assignIds(root)
  const messages: RawMessage[] = []
  let annex = 0
  const visitParts = (parts: Part[] | readonly Part[], where: string) => {
    for (const part of parts) {
      if (part.type === 'attachment') {
        annex++
        visitParts(part.children, `annex-${annex}`)
        continue
      }
      for (const node of part.children) {
        if (node.type === 'signature') for (const line of node.children) link(line, where)
        else link(node, where)
      }
    }
  }
  const link = (node: InlineParent, where: string) => {
    const children: Inline[] = []
    for (const run of textRuns(node.children, text)) children.push(...('start' in run ? citationsIn(run, text, pos, lang, metadata, where, ids, messages) : [run.node]))
    node.children = children
  }
  visitParts(root.children, 'main')
  return { tree: root, messages }
}

/**
 * A copy of the tree down to the nodes this stage changes (parts, blocks and signature lines get
 * ids and new children); the inline nodes, which it replaces rather than changes, are shared.
 * Much cheaper than a deep clone, and the input tree is left as it was all the same.
 */
function copyContainers(tree: Root): Root {
  const part = (p: Part): Part => {
    if (p.type === 'attachment') return { ...p, children: p.children.map(part) as typeof p.children }
    return {
      ...p,
      children: p.children.map((block) => (block.type === 'signature' ? { ...block, children: block.children.map((line) => ({ ...line })) } : { ...block }))
    } as Part
  }
  return { ...tree, children: tree.children.map(part) }
}

/** The regular expression of a profile's "adopted by" words, made once per profile. */
const adoptedByPattern = new WeakMap<LanguageProfile, RegExp>()
function adoptedBy(lang: LanguageProfile): RegExp {
  let re = adoptedByPattern.get(lang)
  if (!re) adoptedByPattern.set(lang, (re = new RegExp(lang.citations.adoptedBy, 'u')))
  return re
}

/** Ids for the nodes internal references point to: annexes, numbered paragraphs, footnotes. */
function assignIds(root: Root): Set<string> {
  const ids = new Set<string>()
  let annex = 0
  const number = (parts: Part[] | readonly Part[], prefix: string) => {
    for (const part of parts) {
      if (part.type === 'attachment') {
        annex++
        part.id = `annex-${annex}`
        ids.add(part.id)
        number(part.children, `annex-${annex}-`)
      } else if (part.type === 'footnotes') {
        for (const fn of part.children) {
          fn.id = `fn-${fn.identifier.toLowerCase().replace(/[^a-z0-9-]/g, '-')}`
          ids.add(fn.id)
        }
      } else {
        let last = ''
        for (const node of part.children) {
          if (node.type !== 'paragraph' || node.number === undefined) continue
          const n = node.number.toLowerCase().replace(/[^a-z0-9]/g, '')
          const id = (node.level ?? 1) > 1 && last ? `${last}-${n}` : `${prefix}para-${n}`
          if ((node.level ?? 1) === 1) last = id
          if (!ids.has(id)) {
            node.id = id
            ids.add(id)
          }
        }
      }
    }
  }
  number(root.children, '')
  return ids
}

/**
 * Where a text node stands in the canonical text: at its raw start, or, for a node that opens with
 * a character a rule put in (the space joining a line that a page break or a moved paragraph number
 * cut off), back from its last raw character; -1 when neither gives its text.
 */
function canonicalStart(node: Text, text: MappedText): number {
  const at = (start: number) => (start >= 0 && text.text.slice(start, start + node.value.length) === node.value ? start : -1)
  const fromStart = at(text.toCurrent(node.position.start.offset))
  if (fromStart !== -1) return fromStart
  const last = text.toCurrent(node.position.end.offset - 1)
  return last === -1 ? -1 : at(last + 1 - node.value.length)
}

/** Text nodes that follow one another in the canonical text, read as one: their value, and where it starts. */
interface TextRun {
  readonly nodes: readonly Text[]
  readonly value: string
  readonly start: number
}

/**
 * The inline children as runs of text and other nodes. Text nodes that follow one another in the
 * canonical text are one run, since a node ends wherever the raw text jumps (a page break or a
 * footnote block a paragraph was joined across: "held in Dakar on 13 and" / "14 March 2008"), and
 * a citation may run across that.
 */
function textRuns(children: readonly Inline[], text: MappedText): (TextRun | { readonly node: Inline })[] {
  const out: (TextRun | { readonly node: Inline })[] = []
  let open: { nodes: Text[]; value: string; start: number } | undefined
  for (const child of children) {
    const start = child.type === 'text' ? canonicalStart(child, text) : -1
    if (child.type !== 'text' || start === -1) {
      out.push({ node: child })
      open = undefined
    } else if (open && open.start + open.value.length === start) {
      open.nodes.push(child)
      open.value += child.value
    } else out.push((open = { nodes: [child], value: child.value, start }))
  }
  return out
}

function citationsIn(run: TextRun, text: MappedText, pos: Positions, lang: LanguageProfile, metadata: Metadata, where: string, ids: Set<string>, messages: RawMessage[]): Inline[] {
  const { value, start } = run
  const matches = parseCitations(tokenize(value, lang), value, lang)
  if (matches.length === 0) return [...run.nodes]
  const out: Inline[] = []
  let at = 0
  let previous: Citation | undefined
  for (const m of matches) {
    if (m.start > at) out.push(...pos.texts(start + at, start + m.start))
    const citation = resolve(m, pos.texts(start + m.start, start + m.end), pos, start, lang, metadata, where, ids)
    if (m.repaired) messages.push({ severity: 'warning', ...m.repaired, rawStart: citation.position.start.offset, rawEnd: citation.position.end.offset })
    // "…第X号决议通过的《…》": the instrument was adopted by the resolution just before it.
    if (citation.kind === 'instrument' && previous?.symbol && adoptedBy(lang).test(value.slice(at, m.start))) {
      citation.symbol = previous.symbol
      citation.href = previous.href!
    }
    out.push(citation)
    previous = citation
    at = m.end
  }
  if (at < value.length) out.push(...pos.texts(start + at, start + value.length))
  return out
}

function resolve(m: Match, children: Text[], pos: Positions, start: number, lang: LanguageProfile, metadata: Metadata, where: string, ids: Set<string>): Citation {
  const c: Citation = {
    type: 'citation',
    kind: m.kind,
    ...(m.symbol ? { symbol: m.symbol, href: officialHref(m.symbol, metadata.language) } : {}),
    ...(m.date ? { date: m.date } : {}),
    ...(m.value ? { value: m.value } : {}),
    ...(m.range ? { range: m.range } : {}),
    children,
    position: pos.of(start + m.start, start + m.end)
  }
  if (m.kind === 'meeting') {
    // A meeting of the organ that adopted the text has a verbatim record: A/67/PV.82, S/PV.5261;
    // the General Assembly put its session in the symbol from the thirty-first session on (A/PV.2383).
    const session = metadata.session?.number
    const symbol = metadata.organ === 'GA' && session ? (session >= FIRST_NUMBERED_SESSION ? `A/${session}/PV.${m.value}` : `A/PV.${m.value}`) : metadata.organ === 'SC' ? `S/PV.${m.value}` : undefined
    if (symbol) Object.assign(c, { symbol, href: officialHref(symbol, metadata.language) })
  }
  if (m.kind === 'annex') {
    const annex = where.startsWith('annex-') ? undefined : 'annex-1'
    if (annex && ids.has(annex)) c.target = annex
  }
  if (m.kind === 'paragraph') {
    const [n, sub] = m.value!.replace(')', '').split('(')
    const prefix = where === 'main' ? '' : `${where}-`
    const id = `${prefix}para-${n}${sub ? `-${sub}` : ''}`
    if (ids.has(id)) c.target = id
    else if (ids.has(`${prefix}para-${n}`)) c.target = `${prefix}para-${n}`
  }
  return c
}
