import type { ElementContent } from 'xast'
import { x } from 'xastscript'
import type { ElementIds } from '../../model/element-ids.js'
import type { Citation, FootnoteDefinition, FootnoteReference, Inline } from '../../types/document.js'
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
    if (end > i) {
      out.push(
        x(
          'mref',
          nodes.slice(i, end + 1).map((m) => (m.type === 'citation' ? citation(m, ctx, place) : text(m)))
        )
      )
      i = end
    } else if (n.type === 'text') out.push({ type: 'text', value: n.value })
    else if (n.type === 'footnoteReference') out.push(note(n, ctx))
    else out.push(citation(n, ctx, place))
  }
  return out
}

function text(n: Inline): ElementContent {
  return { type: 'text', value: n.type === 'text' ? n.value : '' }
}

/** The last index of a list of references starting at `i`: citations joined by nothing but a separator ("、", "和"). */
function listEnd(nodes: readonly Inline[], i: number, separator: RegExp | undefined): number {
  let end = i
  while (separator) {
    const sep = nodes[end + 1]
    const next = nodes[end + 2]
    if (sep?.type !== 'text' || !separator.test(sep.value) || next?.type !== 'citation' || !LISTED.has(next.kind)) break
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
    case 'footnote':
    case 'annex':
    case 'paragraph': {
      const target = c.target === undefined ? undefined : ctx.ids.target(c.target)
      if (target !== undefined) return x('ref', { href: `#${target}` }, content)
      break
    }
    default: {
      const href = citedWorkIri(c) ?? c.href
      if (href !== undefined) return x('ref', { href }, content)
    }
  }
  // What Akoma Ntoso has no element for, or what undoc could not resolve, is named for its kind.
  return x('inline', { name: inlineName(c.kind), 'undoc:value': c.value ?? c.symbol }, content)
}

/** The name of a generic `inline` for a citation kind: AKN names are camel case ("agendaItem"). */
function inlineName(kind: Citation['kind']): string {
  return kind.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
}
