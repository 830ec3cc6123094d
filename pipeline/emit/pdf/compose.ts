import type { Typesetting } from '../../lang/profile.js'
import type { Heading, Inline, UndocDocument } from '../../types/document.js'
import { TEXT_WIDTH, type Block, type StructType } from './layout.js'
import { face, roleFace } from './fonts.js'
import { atomize, breakLines, settingReport, unbroken, type Measure, type Segment, type SettingReport, type Style } from './linebreak.js'
import { isInternal } from '../../model/citation-links.js'
import { elementIds, type ElementIds } from '../../model/element-ids.js'

/** Running text in a language: its body face at its body size. */
function bodyStyle(rules: Typesetting): Style {
  return { face: 'body', size: rules.fonts.bodySize }
}

/** The lines of an adoption set as one block: its meeting, date and vote. */
const ADOPTION_LINES = new Set(['meeting', 'date', 'vote'])

/** Citation kinds an edition indexes: the resolutions and decisions a text cites. */
const INDEXED = new Set(['ga-resolution', 'sc-resolution', 'ga-decision'])

/** A document as blocks: its text in reading order, and its footnotes by identifier. */
export interface Composed {
  readonly blocks: Block[]
  /** The tree node each block was set from, block by block (a parallel edition lays them out pair by pair). */
  readonly origins: object[]
  readonly notes: Map<string, Block>
  readonly report: SettingReport
}

/** Destination name of a node of a document: documents of an edition are told apart by `doc`. */
export function destName(doc: string, id: string): string {
  return `${doc}/${id}`
}

/** The destination id of a document's first line, where an edition's contents lead. */
export const DOCUMENT_START = 'start'

/** Key of a footnote of a document, as layout tracks it. */
export function noteKey(doc: string, identifier: string): string {
  return `${doc}#${identifier}`
}

/**
 * Inline content as styled segments: footnote references raised and linked, citations linked, and
 * in running text those of the kinds the language emphasizes (an instrument's title) in its emphasis face.
 */
function segments(inlines: readonly Inline[], style: Style, doc: string, volume: ReadonlyMap<string, string>, ids: ElementIds, rules: Typesetting): Segment[] {
  const out: Segment[] = []
  for (const n of inlines) {
    if (n.type === 'text') out.push({ text: n.value, style, position: n.position })
    else if (n.type === 'footnoteReference') {
      const key = noteKey(doc, n.identifier)
      out.push({ text: n.label, style: { face: style.face, size: style.size * 0.6, rise: style.size * 0.38 }, tag: { note: key, dest: key }, position: n.position })
    } else {
      const dest = !n.target
        ? undefined
        : isInternal(n)
          ? n.kind === 'footnote'
            ? noteKey(doc, n.target.replace(/^fn-/, ''))
            : destName(doc, ids.target(n.target) ?? n.target)
          : volume.has(n.target)
            ? destName(volume.get(n.target)!, DOCUMENT_START)
            : undefined
      const tag = { ...(n.href && !dest ? { url: n.href } : {}), ...(dest ? { dest } : {}), ...(n.symbol && INDEXED.has(n.kind) ? { cites: n.symbol } : {}) }
      const own: Style = style.face === 'body' && rules.emphasizedCitations.includes(n.kind) ? { ...style, face: 'emphasis' } : style
      for (const t of n.children) out.push({ text: t.value, style: own, position: t.position, ...(Object.keys(tag).length ? { tag } : {}) })
    }
  }
  return out
}

/**
 * Segments with the words a pattern finds at their start (its group 1) set in the emphasis face:
 * the opening words of a formula or a paragraph ("The General Assembly", "Recalling also").
 */
function emphasizeOpening(segs: readonly Segment[], pattern: RegExp | undefined): readonly Segment[] {
  const span = pattern?.exec(segs.map((s) => s.text).join(''))?.indices?.[1]
  if (!span || span[0] === span[1]) return segs
  const [from, to] = span
  const out: Segment[] = []
  let at = 0
  for (const seg of segs) {
    const start = at
    const end = (at += seg.text.length)
    const pieces: [number, number, boolean][] = [
      [start, Math.min(end, from), false],
      [Math.max(start, from), Math.min(end, to), true],
      [Math.max(start, to), end, false]
    ]
    for (const [a, b, emphasized] of pieces) {
      if (b <= a) continue
      const style: Style = emphasized && seg.style.face === 'body' && !seg.style.rise ? { ...seg.style, face: 'emphasis' } : seg.style
      out.push({ ...seg, text: seg.text.slice(a - start, b - start), style })
    }
  }
  return out
}

function plain(inlines: readonly Inline[]): string {
  return inlines.map((n) => (n.type === 'text' ? n.value : n.type === 'citation' ? n.children.map((c) => c.value).join('') : '')).join('')
}

export interface BlockSpec {
  readonly segments: readonly Segment[]
  readonly measure: Measure
  /** The label's text, or its segments when its parts lead to different places. */
  readonly label?: string | readonly Segment[]
  /** Right edge of the hanging number, from the block's left edge. */
  readonly labelRight?: number
  readonly labelStyle?: Style
  readonly labelLast?: boolean
  readonly spaceBefore?: number
  readonly leading?: number
  readonly struct: StructType
  readonly dest?: string
  readonly outline?: Block['outline']
  readonly keepWithNext?: boolean
  readonly newPage?: boolean
}

/** Sets a block: its lines broken at its measure, its label as a line of its own. */
export function setBlock(spec: BlockSpec, rules: Typesetting, report: SettingReport): Block {
  const lines = breakLines(atomize(spec.segments, rules, report.missing), spec.measure, rules, report.forced)
  let label
  if (spec.label !== undefined) {
    const style = spec.labelStyle ?? spec.segments[0]?.style ?? bodyStyle(rules)
    const parts = typeof spec.label === 'string' ? [{ text: spec.label, style }] : spec.label
    label = unbroken(atomize(parts, rules, report.missing), spec.labelRight!, 'right', rules)
  }
  return {
    lines,
    ...(label ? { label } : {}),
    ...(spec.labelLast ? { labelLast: true } : {}),
    spaceBefore: spec.spaceBefore ?? 0,
    leading: spec.leading ?? rules.fonts.leading,
    struct: spec.struct,
    ...(spec.dest ? { dest: spec.dest } : {}),
    ...(spec.outline ? { outline: spec.outline } : {}),
    ...(spec.keepWithNext ? { keepWithNext: true } : {}),
    ...(spec.newPage ? { newPage: true } : {})
  }
}

/** A measure the whole width of the text block (or column) wide. */
type FullMeasure = (align: Measure['align'], firstIndent?: number, indent?: number) => Measure

/** Where a heading sits and how it looks, by its role: its face, size and alignment are the language's. */
function headingSpec(h: Heading, inAnnex: boolean, title: string, full: FullMeasure, em: number, rules: Typesetting): Omit<BlockSpec, 'segments'> & { style: Style } {
  const { face, size, align, leading } = rules.headings[h.role]
  const style: Style = { face, size }
  const common = { style, measure: full(align), ...(leading ? { leading } : {}) }
  switch (h.role) {
    case 'session':
    case 'agendaItem':
    case 'agendaTitle':
      return { ...common, struct: 'P' }
    case 'title':
      return { ...common, struct: 'H1', spaceBefore: em * 1.5, keepWithNext: true, ...(inAnnex ? {} : { outline: { title, level: 0 } }) }
    case 'subtitle':
    case 'adoptionNote':
    case 'basis':
      return { ...common, struct: 'P', spaceBefore: em * 0.5, keepWithNext: true }
    case 'annexHeading':
      return { ...common, struct: 'H2', keepWithNext: true }
    case 'chapter':
      return { ...common, struct: 'H2', spaceBefore: em, keepWithNext: true, outline: { title, level: 1 } }
    case 'section':
      return { ...common, struct: 'H3', spaceBefore: em * 0.75, keepWithNext: true }
  }
}

/**
 * A document as blocks, set as the UN's Chinese editions set it: justified paragraphs with a 2-em
 * first-line indent; numbered paragraphs with hanging numbers aligned on their right edge, each
 * level further in; the enacting formula indented; headings centred; the adoption block and the
 * signature to the right; footnotes in smaller type with hanging numbers. `volume` maps the output
 * names of the other documents of an edition to their keys: citations of them lead there; `width`
 * is the width of the text, a column's in a parallel edition.
 */
export function compose(document: UndocDocument, rules: Typesetting, doc: string, volume: ReadonlyMap<string, string> = new Map(), width = TEXT_WIDTH): Composed {
  const full: FullMeasure = (align, firstIndent = 0, indent = 0) => ({ firstIndent, indent, width, align })
  const BODY = bodyStyle(rules)
  const EM = BODY.size
  const report = settingReport()
  const blocks: Block[] = []
  const origins: object[] = []
  let origin: object = document.tree
  const notes = new Map<string, Block>()
  const closing = new Set<Block>()
  // Destinations are named by the nodes' Akoma Ntoso eIds, as the AKN edition names them.
  const ids = elementIds(document.tree)
  const set = (spec: BlockSpec): Block => {
    const block = setBlock(spec, rules, report)
    blocks.push(block)
    origins.push(origin)
    return block
  }
  const visit = (parts: UndocDocument['tree']['children'], annex: string | undefined): void => {
    for (const part of parts) {
      if (part.type === 'footnotes') {
        for (const fn of part.children) {
          const key = noteKey(doc, fn.identifier)
          const size = rules.notes.size
          const style: Style = { face: 'body', size }
          notes.set(
            key,
            setBlock(
              {
                segments: segments(fn.children, style, doc, volume, ids, rules),
                measure: { firstIndent: 2 * size, indent: 2 * size, width, align: 'justify' },
                label: fn.label,
                labelRight: 1.5 * size,
                labelStyle: style,
                spaceBefore: 2,
                leading: rules.notes.leading,
                struct: 'Note',
                dest: key
              },
              rules,
              report
            )
          )
        }
        continue
      }
      if (part.type === 'attachment') {
        const heading = part.children.flatMap((p) => (p.type === 'preface' ? p.children : []))
        const title = heading
          .map((h) => plain(h.children))
          .filter(Boolean)
          .slice(0, 2)
          .join(' ')
        const first = blocks.length
        visit(part.children, part.id ?? 'annex')
        const opening = blocks[first]
        if (opening) blocks[first] = { ...opening, newPage: true, outline: { title, level: 1 }, ...(part.id ? { dest: destName(doc, ids.of(part)!) } : {}) }
        continue
      }
      for (const b of part.children) {
        origin = b
        switch (b.type) {
          case 'heading': {
            // The number as the source printed it ("一、", "A. ", "67/264. "), kept as data in the tree.
            const number = b.marker ?? ''
            const { style, ...spec } = headingSpec(b, annex !== undefined, number + plain(b.children), full, EM, rules)
            const { align, hangingNumber } = rules.headings[b.role]
            const label = number.trim()
            if (hangingNumber && label) {
              // The number hangs: every line of the text starts a word space past it.
              const numberFace = face(roleFace(rules.fonts, style.face))
              const indent = numberFace.advance(`${label} `) * style.size
              set({
                ...spec,
                measure: full(align, indent, indent),
                segments: segments(b.children, style, doc, volume, ids, rules),
                label,
                labelRight: numberFace.advance(label) * style.size,
                labelStyle: style
              })
              break
            }
            const printed: Inline[] = number ? [{ type: 'text', value: number, position: b.position }, ...b.children] : b.children
            set({ ...spec, segments: segments(printed, style, doc, volume, ids, rules) })
            break
          }
          case 'formula':
            set({ segments: emphasizeOpening(segments(b.children, BODY, doc, volume, ids, rules), rules.openingWords?.formula), measure: full('justify', 2 * EM), struct: 'P', spaceBefore: EM * 0.6 })
            break
          case 'paragraph': {
            const dest = b.id ? destName(doc, ids.of(b)!) : undefined
            // A level-1 preambular or operative paragraph opens with its verb, which a language may emphasize.
            const opening = (b.level ?? 1) === 1 && (b.role === 'preambular' || b.role === 'operative') ? rules.openingWords?.[b.role] : undefined
            const text = segments(b.children, BODY, doc, volume, ids, rules)
            const base = { segments: emphasizeOpening(text, opening), struct: 'P' as const, spaceBefore: EM * 0.6, ...(dest ? { dest } : {}) }
            if (b.number === undefined) set({ ...base, measure: full('justify', 2 * EM) })
            else {
              const level = b.level ?? 1
              const indent = (level + 1) * 1.5 * EM
              // The number in the text's own style, never in the emphasis of the verb after it.
              set({ ...base, measure: full('justify', indent, indent), label: b.marker?.trim() ?? b.number, labelRight: indent - 0.5 * EM, ...(text[0] ? { labelStyle: text[0].style } : {}) })
            }
            break
          }
          case 'adoption': {
            // The adoption's lines stand as one block under the text: space above its first line
            // ("82nd plenary meeting" in English, the date in Chinese), none between it and the next.
            const previous = origins.at(-1) as { type?: string; role?: string } | undefined
            const continues = previous?.type === 'adoption' && ADOPTION_LINES.has(previous.role!) && ADOPTION_LINES.has(b.role)
            closing.add(
              set({
                segments: segments(b.children, BODY, doc, volume, ids, rules),
                measure: b.role === 'placeAndDate' ? full('justify', 2 * EM) : full('left', Math.max(0, width - 12 * EM), Math.max(0, width - 12 * EM)),
                struct: 'P',
                spaceBefore: continues ? 0 : EM * 1.2
              })
            )
            break
          }
          case 'signature':
            b.children.forEach((line, i) => {
              // Each line of a signature is a unit of its own in a parallel edition.
              origin = line
              closing.add(set({ segments: segments(line.children, BODY, doc, volume, ids, rules), measure: full('right'), struct: 'P', spaceBefore: i === 0 ? EM * 1.5 : 0 }))
            })
            break
        }
      }
    }
  }
  visit(document.tree.children, undefined)
  // The closing lines (adoption, place and date, signature) stay together and with the text's last lines.
  for (let i = 0; i + 1 < blocks.length; i++) if (closing.has(blocks[i + 1]!)) blocks[i] = { ...blocks[i]!, keepWithNext: true }
  const opening = blocks[0]
  if (opening && !opening.dest) blocks[0] = { ...opening, dest: destName(doc, DOCUMENT_START) }
  return { blocks, origins, notes, report }
}
