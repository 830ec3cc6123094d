import type { ElementContent } from 'xast'
import { x } from 'xastscript'
import type { ElementIds } from '../../model/element-ids.js'
import { isInternal } from '../../model/citation-links.js'
import type { Citation, FootnoteDefinition, FootnoteReference, Inline, Text } from '../../types/document.js'
import { citedWorkIri, isFullDate } from './iri.js'

/** undoc's namespace, for the values Akoma Ntoso has no attribute for (a month, a date range). */
export const UNDOC_NS = 'urn:undoc'

/** What the writer of inline content knows of the document, and what it collects for the references of `meta`. */
export interface InlineContext {
  readonly ids: ElementIds
  readonly footnotes: ReadonlyMap<string, FootnoteDefinition>
  /** The separators of a list of references in the text's language, as one anchored pattern. */
  readonly separator: RegExp | undefined
  /** Organizations the text names, by id, with their name as first written: TLCOrganizations of `meta`. */
  readonly organizations: Map<string, string>
}

/** Where inline content stands: a preface line marks its date of the document as `docDate`. */
export interface Place {
  readonly docDate?: string
}

/** Citation kinds a list of references (`mref`) is made of: documents by their symbol. */
const LISTED = new Set<Citation['kind']>(['ga-resolution', 'ga-decision', 'sc-resolution', 'document'])

/** Akoma Ntoso's inline content for undoc's: text, notes at their reference, citations as references and semantic inlines. */
export function inlines(nodes: readonly Inline[], ctx: InlineContext, place: Place = {}): ElementContent[] {
  const out: ElementContent[] = []
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!
    const end = n.type === 'citation' && LISTED.has(n.kind) ? listEnd(nodes, i, ctx.separator) : i
    // A list that is one range is the range alone.
    if (end > i && !(end === i + 2 && rangeEnds(nodes, i))) {
      out.push(x('mref', references(nodes.slice(i, end + 1), ctx, place)))
      i = end
    } else if (n.type === 'text') out.push({ type: 'text', value: n.value })
    else if (n.type === 'footnoteReference') out.push(note(n, ctx))
    else {
      const range = rangeAt(nodes, i, ctx, place)
      out.push(range ?? citation(n, ctx, place))
      if (range) i += 2
    }
  }
  return out
}

/** The citations of a list and the text between them, as references; the ends of a range and its word as one `rref`. */
function references(nodes: readonly Inline[], ctx: InlineContext, place: Place): ElementContent[] {
  const out: ElementContent[] = []
  for (let i = 0; i < nodes.length; i++) {
    const n = nodes[i]!
    const range = rangeAt(nodes, i, ctx, place)
    out.push(range ?? (n.type === 'citation' ? citation(n, ctx, place) : { type: 'text', value: n.type === 'text' ? n.value : '' }))
    if (range) i += 2
  }
  return out
}

/**
 * The range the citation at `i` opens, as an `rref` from its first end upTo its last, holding
 * both ends' references and the word between them; none when either end leads nowhere.
 */
function rangeAt(nodes: readonly Inline[], i: number, ctx: InlineContext, place: Place): ElementContent | undefined {
  const last = rangeEnds(nodes, i)
  const first = nodes[i] as Citation
  const from = last && hrefOf(first, ctx)
  const upTo = last && hrefOf(last, ctx)
  if (!last || from === undefined || upTo === undefined) return undefined
  return x('rref', { from, upTo }, [citation(first, ctx, place), { type: 'text', value: (nodes[i + 1] as Text).value }, citation(last, ctx, place)])
}

/** The last end of a range whose first is the citation at `i`: the citation after the range word, marked so by the grammar. */
function rangeEnds(nodes: readonly Inline[], i: number): Citation | undefined {
  const [first, word, last] = nodes.slice(i, i + 3)
  return first?.type === 'citation' && first.range === 'from' && word?.type === 'text' && last?.type === 'citation' && last.range === 'upTo' ? last : undefined
}

/**
 * The last index of a list of references starting at `i`: citations joined by nothing but a
 * separator ("、", "和"), or by the word of a range they are the ends of ("至").
 */
function listEnd(nodes: readonly Inline[], i: number, separator: RegExp | undefined): number {
  let end = i
  while (separator) {
    const sep = nodes[end + 1]
    const next = nodes[end + 2]
    if (sep?.type !== 'text' || (!separator.test(sep.value) && !rangeEnds(nodes, end)) || next?.type !== 'citation' || !LISTED.has(next.kind)) break
    end += 2
  }
  return end
}

/**
 * A footnote at its reference: the note itself (`authorialNote`) at its first reference, a
 * `noteRef` to it at the others and in notes. A reference to a footnote the text never defines
 * is an empty note with its marker, so that the marker is not lost.
 */
function note(n: FootnoteReference, ctx: InlineContext): ElementContent {
  const eId = ctx.ids.of(n)
  const first = ctx.ids.note(n.identifier)
  if (first !== undefined && first !== eId) return x('noteRef', { eId, href: `#${first}`, marker: n.label })
  // A reference inside a note has no eId: it never holds the note itself, so a note never holds itself.
  const definition = eId === undefined ? undefined : ctx.footnotes.get(n.identifier)
  return x('authorialNote', { eId, marker: n.label, placement: 'bottom' }, x('p', definition ? inlines(definition.children, ctx) : []))
}

function citation(c: Citation, ctx: InlineContext, place: Place): ElementContent {
  const content = c.children.map((t): ElementContent => ({ type: 'text', value: t.value }))
  switch (c.kind) {
    case 'organization':
      if (c.value === undefined) break
      if (!ctx.organizations.has(c.value)) ctx.organizations.set(c.value, content.map((t) => (t.type === 'text' ? t.value : '')).join(''))
      return x('organization', { refersTo: `#${c.value}` }, content)
    case 'date':
      if (!isFullDate(c.date)) return x('inline', { name: 'date', 'undoc:value': c.date }, content)
      return x(place.docDate === c.date ? 'docDate' : 'date', { date: c.date }, content)
    case 'session':
      return x('session', { value: c.value }, content)
    default: {
      const href = hrefOf(c, ctx)
      if (href !== undefined) return x('ref', { href }, content)
    }
  }
  // What Akoma Ntoso has no element for, or what undoc could not resolve, is named for its kind.
  return x('inline', { name: inlineName(c.kind), 'undoc:value': c.value ?? c.symbol }, content)
}

/** Where a reference leads: a paragraph, annex or note of this text by its eId, a cited document by its IRI or official address. */
function hrefOf(c: Citation, ctx: InlineContext): string | undefined {
  if (isInternal(c)) {
    const target = c.target === undefined ? undefined : ctx.ids.target(c.target)
    return target === undefined ? undefined : `#${target}`
  }
  return citedWorkIri(c) ?? c.href
}

/** The name of a generic `inline` for a citation kind: AKN names are camel case ("agendaItem"). */
function inlineName(kind: Citation['kind']): string {
  return kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
}
