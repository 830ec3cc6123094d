import type { Element, ElementContent, Root } from 'xast'
import { toXml } from 'xast-util-to-xml'
import { x } from 'xastscript'
import { profileFor } from '../../lang/index.js'
import { bodyContainer, elementIds } from '../../model/element-ids.js'
import type { Adoption, Body, FootnoteDefinition, Heading, Paragraph, Part, Preamble, Preface, Signature, UndocDocument } from '../../types/document.js'
import { inlines, UNDOC_NS, type InlineContext } from './inline.js'
import { documentIris, documentType, type DocumentIris } from './iri.js'
import { identification, meta, type Signatories } from './meta.js'

const AKN_NS = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/** The parts of one text (the document, or an annex): Akoma Ntoso's openStructure, in its order. */
type TextParts = readonly Exclude<Part, { type: 'footnotes' }>[]

interface Context extends InlineContext {
  readonly doc: UndocDocument
  readonly iris: DocumentIris
  readonly signatories: Signatories
}

/**
 * The Akoma Ntoso 3.0 edition (AKN4UN): the document tree as an xast tree, serialized by
 * xast-util-to-xml. Resolutions, decisions and presidential statements are `statement`s,
 * letters, notes and reports `doc`s; each block keeps its text exactly (numbers as printed in
 * `num`, footnotes as `authorialNote` where they are referenced), so the text of the edition is
 * the canonical text. Element ids come from model/element-ids, as the PDF's destinations do.
 */
export function emitAkn(doc: UndocDocument): string {
  const lang = profileFor(doc.metadata.language)
  const ids = elementIds(doc.tree)
  const footnotes = new Map<string, FootnoteDefinition>()
  for (const part of doc.tree.children) if (part.type === 'footnotes') for (const fn of part.children) footnotes.set(fn.identifier, fn)
  const ctx: Context = {
    doc,
    iris: documentIris(doc),
    ids,
    footnotes,
    separator: lang ? new RegExp(`^(?:${lang.citations.separator})$`, 'u') : undefined,
    organizations: new Map(),
    signatories: { persons: new Map(), roles: new Map() }
  }
  const type = documentType(doc.metadata.kind)
  const parts = doc.tree.children.filter((p): p is TextParts[number] => p.type !== 'footnotes')
  const content = text(parts, ctx)
  // Footnotes the text never references are kept as notes of their own in `meta`.
  const unreferenced = [...footnotes.values()].filter((fn) => ids.of(fn) !== undefined).map((fn) => x('note', { eId: ids.of(fn), marker: fn.label }, x('p', inlines(fn.children, ctx))))
  const document = x(type.element, { name: type.name }, [meta(doc, ctx.iris, lang, ctx.organizations, ctx.signatories, unreferenced), ...content])
  const root: Root = {
    type: 'root',
    children: [
      { type: 'instruction', name: 'xml', value: 'version="1.0" encoding="UTF-8"' },
      { type: 'text', value: '\n' },
      x('akomaNtoso', { xmlns: AKN_NS, 'xmlns:undoc': UNDOC_NS }, document),
      { type: 'text', value: '\n' }
    ]
  }
  indent(root.children[2] as Element, 1)
  return toXml(root, { closeEmptyElements: true })
}

/** The elements of a text after its `meta`: preface, preamble, main body, conclusions, attachments. */
function text(parts: TextParts, ctx: Context): Element[] {
  const out: Element[] = []
  // Paragraphs a page sets above the document's preface (a bilingual page's original): its cover page.
  const lead = parts[0]?.type === 'body' && parts[1]?.type === 'preface' ? parts[0] : undefined
  if (lead) out.push(x('coverPage', preambleContent(lead.children as Paragraph[], ctx, 'blockContainer')))
  const body = parts.find((p): p is Body => p.type === 'body' && p !== lead)
  // A text with no operative part (a decision) is its preamble's paragraphs: AKN requires a main body.
  const bodyless = parts.find((p): p is Preamble => p.type === 'preamble' && body === undefined)
  const mainBodyContent: Element[] = []
  // The part of a resolution in parts (A, B…) being written: a container of the main body.
  let part: Element | undefined
  const annexes: Element[] = []
  for (const p of parts) {
    if (p === lead) continue
    switch (p.type) {
      case 'preface':
        out.push(preface(p, ctx))
        break
      case 'preamble': {
        const [head, ...rest] = p.children
        if (head?.type === 'heading') {
          // A part's preamble (its formula, its preambular paragraphs) is the intro of its container.
          part = x(bodyContainer(head.role).element, { eId: ctx.ids.of(head) }, [head.marker !== undefined ? x('num', head.marker) : undefined, x('heading', inlines(head.children, ctx))])
          const intro = preambleContent(rest, ctx, 'blockContainer')
          if (intro.length > 0) part.children.push(x('intro', intro))
          mainBodyContent.push(part)
          break
        }
        const paragraphs = p.children.filter((b): b is Paragraph => b.type === 'paragraph')
        if (!bodyless) {
          const content = preambleContent(p.children, ctx, 'formula')
          if (content.length > 0) out.push(x('preamble', content))
        } else {
          const formulas = preambleContent(
            p.children.filter((b) => b.type === 'formula'),
            ctx,
            'formula'
          )
          if (formulas.length > 0) out.push(x('preamble', formulas))
          mainBodyContent.push(...(paragraphs.length > 0 ? hierarchy(paragraphs, ctx) : [x('p')]))
        }
        break
      }
      case 'body': {
        // Text after the adoption lines (a decision appended later, a web page's links) closes the conclusions, in reading order.
        const closing = out.find((e) => e.name === 'conclusions')
        if (closing) closing.children.push(...preambleContent(p.children as Paragraph[], ctx, 'blockContainer'))
        else (part?.children ?? mainBodyContent).push(...mainBody(p, ctx))
        break
      }
      case 'conclusions':
        out.push(
          x(
            'conclusions',
            p.children.map((b) => (b.type === 'adoption' ? adoption(b, ctx) : signature(b, ctx)))
          )
        )
        break
      case 'attachment': {
        const name = ctx.ids.of(p)!
        const inner = p.children as TextParts
        annexes.push(x('attachment', { eId: name }, x('doc', { name: 'annex' }, [x('meta', [identification(ctx.doc, ctx.iris, name)]), ...text(inner, ctx)])))
        break
      }
    }
  }
  // openStructure's order: a text with neither body nor preamble still has its (empty) main body.
  out.push(x('mainBody', mainBodyContent.length > 0 ? mainBodyContent : [x('p')]))
  const order = ['coverPage', 'preface', 'preamble', 'mainBody', 'conclusions']
  out.sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name))
  if (annexes.length > 0) out.push(x('attachments', annexes))
  return out
}

/**
 * A preamble's blocks in their order (a formula may follow preambular paragraphs of its own:
 * "鉴于……，因此，大会，"): formulas as `formula`, or, in a part's intro, where only blocks may
 * stand, as `blockContainer`s; paragraphs as `blockContainer`s, nested by level.
 */
function preambleContent(blocks: Preamble['children'], ctx: Context, formulaElement: 'formula' | 'blockContainer'): Element[] {
  const out: Element[] = []
  let run: Paragraph[] = []
  const flush = () => {
    out.push(
      ...nest(run, (p, children) =>
        x('blockContainer', { eId: ctx.ids.of(p), class: p.role }, [p.marker !== undefined ? x('num', p.marker) : undefined, x('p', inlines(p.children, ctx)), ...children])
      )
    )
    run = []
  }
  for (const b of blocks) {
    if (b.type === 'paragraph') {
      run.push(b)
      continue
    }
    flush()
    if (b.type === 'formula')
      out.push(x(formulaElement, formulaElement === 'formula' ? { eId: ctx.ids.of(b), name: 'enactingFormula' } : { eId: ctx.ids.of(b), class: 'enactingFormula' }, x('p', inlines(b.children, ctx))))
    else out.push(x('p', { eId: ctx.ids.of(b), class: b.role }, inlines(b.children, ctx)))
  }
  flush()
  return out
}

/** The preface's lines: the title as docNumber and docTitle, the session, the others by their role. */
function preface(part: Preface, ctx: Context): Element {
  const docDate = ctx.doc.metadata.date
  return x(
    'preface',
    part.children.map((h) => {
      const content = inlines(h.children, ctx, docDate !== undefined ? { docDate } : {})
      const attributes = { eId: ctx.ids.of(h), class: h.role }
      if (h.role === 'title') return x('p', attributes, [...numbered(h), x('docTitle', content)])
      if (h.role === 'session' && ctx.doc.metadata.session) return x('p', attributes, x('session', { value: String(ctx.doc.metadata.session.number) }, content))
      return x('p', attributes, [...numbered(h), ...content])
    })
  )
}

/** A heading's number as printed: the number itself as `docNumber`, its punctuation as text. */
function numbered(h: Heading): ElementContent[] {
  if (h.marker === undefined) return []
  const at = h.number === undefined ? -1 : h.marker.indexOf(h.number)
  if (at === -1) return [{ type: 'text', value: h.marker }]
  const before = h.marker.slice(0, at)
  const after = h.marker.slice(at + h.number!.length)
  return [...(before ? [{ type: 'text' as const, value: before }] : []), x('docNumber', h.number!), ...(after ? [{ type: 'text' as const, value: after }] : [])]
}

/**
 * The main body: numbered paragraphs (subparagraphs nested in them), inside the chapters and
 * sections their headings open. Headings of other roles open a generic `hcontainer`.
 */
function mainBody(part: Body, ctx: Context): Element[] {
  const top: Element[] = []
  const open: { rank: number; element: Element }[] = []
  let run: Paragraph[] = []
  const place = (elements: Element[]) => (open.length > 0 ? open[open.length - 1]!.element.children.push(...elements) : top.push(...elements))
  const flush = () => {
    if (run.length > 0) place(hierarchy(run, ctx))
    run = []
  }
  for (const b of part.children) {
    if (b.type === 'paragraph') {
      run.push(b)
      continue
    }
    flush()
    const { element, rank } = bodyContainer(b.role)
    while (open.length > 0 && open[open.length - 1]!.rank >= rank) open.pop()
    const container = x(element, { eId: ctx.ids.of(b), ...(element === 'hcontainer' ? { name: b.role } : {}) }, [
      b.marker !== undefined ? x('num', b.marker) : undefined,
      x('heading', inlines(b.children, ctx))
    ])
    place([container])
    open.push({ rank, element: container })
  }
  flush()
  return top
}

/** Paragraphs as `paragraph`s, those of level 2 and below as `subparagraph`s of the paragraph above them. */
function hierarchy(paragraphs: readonly Paragraph[], ctx: Context): Element[] {
  return nest(paragraphs, (p, children, depth) => {
    const name = depth === 0 ? 'paragraph' : 'subparagraph'
    const text = x('p', inlines(p.children, ctx))
    const num = p.marker !== undefined ? x('num', p.marker) : undefined
    return x(name, { eId: ctx.ids.of(p) }, children.length > 0 ? [num, x('intro', [text]), ...children] : [num, x('content', [text])])
  })
}

/** Builds paragraphs as a tree: each of level 2 or more under the last paragraph a level up. */
function nest(paragraphs: readonly Paragraph[], build: (p: Paragraph, children: Element[], depth: number) => Element): Element[] {
  type Open = { p: Paragraph; level: number; children: Element[] }
  const top: Element[] = []
  const stack: Open[] = []
  const close = (o: Open) => {
    const element = build(o.p, o.children, stack.length)
    if (stack.length > 0) stack[stack.length - 1]!.children.push(element)
    else top.push(element)
  }
  for (const p of paragraphs) {
    const level = p.number === undefined ? 1 : (p.level ?? 1)
    while (stack.length > 0 && stack[stack.length - 1]!.level >= level) close(stack.pop()!)
    stack.push({ p, level, children: [] })
  }
  while (stack.length > 0) close(stack.pop()!)
  return top
}

function adoption(b: Adoption, ctx: Context): Element {
  return x('p', { eId: ctx.ids.of(b), class: b.role }, inlines(b.children, ctx))
}

/** A signature: its lines, the function as `role` and the name as `person` (who signs as that role). */
function signature(b: Signature, ctx: Context): Element {
  const { persons, roles } = ctx.signatories
  const role = b.children.find((l) => l.role === 'function')
  const roleId = role ? `role_${roles.size + 1}` : undefined
  if (role && roleId) roles.set(roleId, plainText(role.children))
  return x(
    'blockContainer',
    { eId: ctx.ids.of(b), class: 'signature' },
    b.children.map((line) => {
      const content = inlines(line.children, ctx)
      if (line.role === 'function') return x('p', { eId: ctx.ids.of(line) }, x('signature', {}, x('role', { refersTo: `#${roleId}` }, content)))
      const personId = `person_${persons.size + 1}`
      persons.set(personId, plainText(line.children))
      return x('p', { eId: ctx.ids.of(line) }, x('signature', {}, x('person', { refersTo: `#${personId}`, as: roleId ? `#${roleId}` : undefined }, content)))
    })
  )
}

function plainText(nodes: Heading['children']): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'citation' ? n.children.map((t) => t.value).join('') : '')).join('')
}

/**
 * Indents the elements whose content is elements only (two spaces a level), for people reading
 * the file; the content of `p`, `num` and `heading`, where spaces would be text, is left as it is.
 */
function indent(element: Element, depth: number): void {
  if (INLINE_CONTENT.has(element.name) || element.children.length === 0 || element.children.some((c) => c.type === 'text')) return
  const children: ElementContent[] = []
  for (const child of element.children) {
    children.push({ type: 'text', value: `\n${'  '.repeat(depth)}` }, child)
    if (child.type === 'element') indent(child, depth + 1)
  }
  children.push({ type: 'text', value: `\n${'  '.repeat(depth - 1)}` })
  element.children = children
}

const INLINE_CONTENT = new Set(['p', 'num', 'heading'])
