import type { Heading, Inline, Paragraph, Part, Root } from '../types/document.js'

/**
 * The element ids (eIds) of a document's nodes, per the Akoma Ntoso naming convention
 * (OASIS akn-nc 1.0, as Laws.Africa's bluebell writes them): a name for the element and its
 * number ("para_7"), prefixed by its containers where the convention wants them
 * ("preamble__para_3", "para_7__subpara_a", "annex_1__para_12", "para_1__authorialNote_1").
 * Derived from the tree alone, so every run and every writer (the Akoma Ntoso edition's eIds,
 * the PDF's link destinations) names a node the same way.
 *
 * - Numbered paragraphs are named by their number, not by their chapter: UN texts number their
 *   paragraphs through the whole text, as acts number their articles. An unnumbered paragraph
 *   takes its place among its part's paragraphs.
 * - The paragraphs of a text with no operative part (a decision: "大会，" then what it decides)
 *   are its main body, not a preamble: Akoma Ntoso requires a main body.
 * - A footnote is written where it is referenced; its eId is that of its first reference. One
 *   the text never references is a note of its own ("note_4").
 */
export interface ElementIds {
  /** The eId of a node of the tree: an attachment, a block, a signature line, a footnote reference. */
  of(node: object): string | undefined
  /** The eId of the node a tree id names ('para-7', 'annex-1', 'fn-3'): where an internal citation leads. */
  target(id: string): string | undefined
  /** The eId of a footnote: of its first reference, or of the footnote itself when the text never references it. */
  note(identifier: string): string | undefined
}

/** The number of a heading or paragraph as an eId segment: its letters and digits, other marks as one '-' (bluebell's clean_num). */
export function eIdNumber(number: string): string {
  return number
    .replace(/\s+/gu, '')
    .replace(/[\p{P}\p{S}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** A container of the main body that a heading opens: its element, its eId abbreviation, and how deep it sits. */
export interface BodyContainer {
  readonly element: 'chapter' | 'section' | 'hcontainer'
  readonly abbreviation: string
  /** A chapter holds sections; a section holds any other heading's container. */
  readonly rank: number
}

export function bodyContainer(role: Heading['role']): BodyContainer {
  if (role === 'chapter') return { element: 'chapter', abbreviation: 'chp', rank: 1 }
  if (role === 'section') return { element: 'section', abbreviation: 'sec', rank: 2 }
  return { element: 'hcontainer', abbreviation: 'hcontainer', rank: 3 }
}

export function elementIds(tree: Root): ElementIds {
  const ids = new Map<object, string>()
  const taken = new Set<string>()
  const targets = new Map<string, string>()
  const firstNote = new Map<string, string>()
  const name = (node: object, wanted: string): string => {
    let id = wanted
    for (let n = 2; taken.has(id); n++) id = `${wanted}-${n}`
    taken.add(id)
    ids.set(node, id)
    const treeId = (node as { id?: string }).id
    if (treeId !== undefined) targets.set(treeId, id)
    return id
  }
  const notes = (owner: string, inlines: readonly Inline[]) => {
    let k = 0
    for (const n of inlines) {
      if (n.type !== 'footnoteReference') continue
      const id = name(n, `${owner}__authorialNote_${++k}`)
      if (!firstNote.has(n.identifier)) firstNote.set(n.identifier, id)
    }
  }
  const segmentOf = (number: string | undefined) => (number !== undefined && eIdNumber(number) !== '' ? eIdNumber(number) : undefined)
  /**
   * Names a part's paragraphs, given in order: each of level 2 or more under the last paragraph
   * a level up (`first` names the others, by their number or their place among them).
   */
  const paragraphs = (first: (p: Paragraph, ordinal: number) => string) => {
    const open: string[] = []
    let ordinal = 0
    return (p: Paragraph) => {
      const level = p.number === undefined ? 1 : (p.level ?? 1)
      const parent = open[level - 2]
      const id = level === 1 || parent === undefined ? first(p, ++ordinal) : name(p, `${parent}__subpara_${segmentOf(p.number) ?? ordinal}`)
      open.length = level - 1
      open[level - 1] = id
      notes(id, p.children)
    }
  }
  const bodyParagraph = (prefix: string) => (p: Paragraph, ordinal: number) => name(p, `${prefix}para_${segmentOf(p.number) ?? ordinal}`)
  const text = (parts: readonly Part[], prefix: string) => {
    const hasBody = parts.some((p) => p.type === 'body')
    let annex = 0
    // In a resolution in parts (A, B…) each part is a container of the main body, named by its
    // heading: its preamble is its intro ("sec_A__intro__para_1"), its paragraphs its own ("sec_A__para_1").
    let inPart = prefix
    for (const part of parts) {
      switch (part.type) {
        case 'attachment': {
          const id = name(part, `${prefix}annex_${++annex}`)
          text(part.children, `${id}__`)
          break
        }
        case 'footnotes':
          break
        case 'preface':
          part.children.forEach((h, i) => notes(name(h, `${prefix}preface__p_${i + 1}`), h.children))
          break
        case 'preamble': {
          const head = part.children[0]
          let preamble = `${prefix}preamble__`
          if (head?.type === 'heading') {
            const { abbreviation } = bodyContainer(head.role)
            const id = name(head, `${prefix}${abbreviation}_${segmentOf(head.number) ?? 1}`)
            notes(id, head.children)
            inPart = `${id}__`
            preamble = `${id}__intro__`
          }
          const formulas = part.children.filter((b) => b.type === 'formula')
          formulas.forEach((f, i) => notes(name(f, `${preamble}formula_${i + 1}`), f.children))
          const paragraph = paragraphs(hasBody ? (p, n) => name(p, `${preamble}para_${n}`) : bodyParagraph(inPart))
          for (const b of part.children) if (b.type === 'paragraph') paragraph(b)
          break
        }
        case 'body': {
          const counts = new Map<string, number>()
          const paragraph = paragraphs(bodyParagraph(inPart))
          for (const b of part.children) {
            if (b.type === 'paragraph') {
              paragraph(b)
              continue
            }
            const { abbreviation } = bodyContainer(b.role)
            const n = (counts.get(abbreviation) ?? 0) + 1
            counts.set(abbreviation, n)
            notes(name(b, `${inPart}${abbreviation}_${segmentOf(b.number) ?? n}`), b.children)
          }
          break
        }
        case 'conclusions': {
          let p = 0
          let signature = 0
          for (const b of part.children) {
            if (b.type === 'adoption') notes(name(b, `${prefix}conclusions__p_${++p}`), b.children)
            else {
              const id = name(b, `${prefix}conclusions__blockContainer_${++signature}`)
              b.children.forEach((line, i) => notes(name(line, `${id}__p_${i + 1}`), line.children))
            }
          }
          break
        }
      }
    }
  }
  text(tree.children, '')
  for (const part of tree.children) {
    if (part.type !== 'footnotes') continue
    for (const fn of part.children) {
      if (!firstNote.has(fn.identifier)) firstNote.set(fn.identifier, name(fn, `note_${eIdNumber(fn.identifier) || fn.identifier}`))
      else if (fn.id !== undefined) targets.set(fn.id, firstNote.get(fn.identifier)!)
    }
  }
  return { of: (node) => ids.get(node), target: (id) => targets.get(id), note: (identifier) => firstNote.get(identifier) }
}
