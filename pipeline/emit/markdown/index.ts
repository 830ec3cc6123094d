import type * as Md from 'mdast'
import { frontmatterToMarkdown } from 'mdast-util-frontmatter'
import { gfmToMarkdown } from 'mdast-util-gfm'
import { defaultHandlers, toMarkdown, type Handle, type Unsafe } from 'mdast-util-to-markdown'
import type { Citation, Heading, Inline, Paragraph, Part, UndocDocument } from '../../types/document.js'
import { anyOf } from '../../core/chars.js'
import { isInternal } from '../../model/citation-links.js'
import { elementIds, type ElementIds } from '../../model/element-ids.js'
import { frontMatter } from './front-matter.js'

/** A block of a part: what the parts other than attachments and footnotes hold. */
type Block = Exclude<Part, { type: 'attachment' | 'footnotes' }>['children'][number]

/** The characters the writer's escaping patterns are at, as one character class, by its list of patterns (made anew for each document). */
const escapable = new WeakMap<readonly Unsafe[], RegExp>()

/**
 * The writer's text handler, with a shortcut that writes the same bytes: a text holding none of
 * the characters an escaping pattern is at and no backslash, nor followed by one (`safe` escapes
 * a backslash before punctuation even just after the text), is what the writer's `safe` returns
 * unchanged. Otherwise each of its some 60 patterns is run over the text, which was half the
 * cost of the Markdown; most Chinese text holds none of those characters.
 */
const text: Handle = (node: Md.Text, parent, state, info) => {
  let characters = escapable.get(state.unsafe)
  if (!characters) {
    characters = anyOf(new Set(['\\', ...state.unsafe.flatMap((pattern) => [...pattern.character])]))
    escapable.set(state.unsafe, characters)
  }
  if (!characters.test(node.value) && !info.after.includes('\\')) return node.value
  return defaultHandlers.text(node, parent, state, info)
}

/** How remark-stringify writes undoc's Markdown: fixed choices, so the bytes depend on the document only. */
export const STRINGIFY = { bullet: '-', emphasis: '_', fence: '`', incrementListMarker: true, listItemIndent: 'one', rule: '-', strong: '*', handlers: { text } } as const

/**
 * What remark-stringify does with remark-frontmatter and remark-gfm (their writer extensions, in
 * the order the plugins add them), without unified and the two plugins' Markdown readers
 * (micromark and its extensions), which a build that writes Markdown never uses: loading them was
 * a tenth of a one-document run. test/markdown.test.ts holds the bytes to remark-stringify's.
 */
const WRITER = { ...STRINGIFY, extensions: [frontmatterToMarkdown(['yaml']), gfmToMarkdown({})] }

/** Heading depth by role; the other roles (session, agenda item, adoption note) are paragraphs. */
const HEADING_DEPTH: Partial<Record<Heading['role'], Md.Heading['depth']>> = { title: 1, annexHeading: 2, subtitle: 2, chapter: 2, section: 3 }

/**
 * The Markdown edition: YAML front matter with the metadata, then every block of the tree as
 * mdast, written as remark-stringify writes it. Each block's text is exactly its text in the canonical
 * text (numbers as printed, footnote references, citations as links), so reading the Markdown
 * back gives the same document.
 *
 * Every node the Akoma Ntoso edition names has its eId here too, as an empty HTML anchor
 * (`<a id="para_3"></a>`) at the start of its block, or at a footnote's text: an anchor is what
 * GitHub (which prefixes the id and follows `#para_3` to it all the same), CommonMark renderers and
 * remark keep, where heading ids (`{#para_3}`) are an extension most renderers print as text and
 * paragraphs have no heading to carry them. References to a paragraph or annex of the same text
 * link to its anchor, so the Markdown, the PDF and the AKN name the same places the same way.
 */
export function emitMarkdown(doc: UndocDocument): string {
  return toMarkdown(toMdast(doc), WRITER)
}

/** What the writer of a block needs of the document: the eIds, and which footnotes have a text to anchor. */
interface Context {
  readonly ids: ElementIds
  readonly defined: ReadonlySet<string>
}

export function toMdast(doc: UndocDocument): Md.Root {
  const children: Md.RootContent[] = [{ type: 'yaml', value: frontMatter(doc.metadata) }]
  const definitions: Md.FootnoteDefinition[] = []
  const defined = new Set<string>()
  for (const part of doc.tree.children) if (part.type === 'footnotes') for (const fn of part.children) defined.add(fn.identifier)
  const ctx: Context = { ids: elementIds(doc.tree), defined }
  // An annex has no block of its own: its eId stands before the first block it holds.
  let pending: string[] = []
  const parts = (list: readonly Part[]) => {
    for (const part of list) {
      if (part.type === 'attachment') {
        const id = ctx.ids.of(part)
        if (id !== undefined) pending.push(id)
        parts(part.children)
      } else if (part.type === 'footnotes') {
        for (const fn of part.children) {
          const id = ctx.ids.note(fn.identifier)
          const content = inlines(fn.children, ctx)
          definitions.push({
            type: 'footnoteDefinition',
            identifier: fn.identifier,
            label: fn.label,
            children: [{ type: 'paragraph', children: id === undefined ? content : [anchor(id), ...content] }]
          })
        }
      } else {
        const md = blocks(part.children, ctx)
        if (pending.length > 0 && md.length > 0) {
          firstParagraph(md[0]!).children.unshift(...pending.map(anchor))
          pending = []
        }
        children.push(...md)
      }
    }
  }
  parts(doc.tree.children)
  children.push(...definitions)
  return { type: 'root', children }
}

/** An empty HTML anchor named by an eId. */
function anchor(eId: string): Md.Html {
  return { type: 'html', value: `<a id="${eId.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></a>` }
}

/** The paragraph or heading a block written by `blocks` opens with: where an anchor before it goes. */
function firstParagraph(node: Md.RootContent): Md.Paragraph | Md.Heading {
  if (node.type === 'list') return firstParagraph(node.children[0]!.children[0]!)
  return node as Md.Paragraph | Md.Heading
}

/** Numbered paragraphs whose number is a plain "7. " become ordered lists (a new list at each gap); the others are paragraphs with their number as printed. */
function blocks(nodes: readonly Block[], ctx: Context): Md.RootContent[] {
  const out: Md.RootContent[] = []
  let list: Md.List | undefined
  let next = 0
  for (const node of nodes) {
    const number = node.type === 'paragraph' ? listNumber(node) : undefined
    if (node.type === 'paragraph' && number !== undefined) {
      if (!list || number !== next) {
        list = { type: 'list', ordered: true, start: number, spread: false, children: [] }
        out.push(list)
      }
      list.children.push({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children: anchored(node, inlines(node.children, ctx), ctx) }] })
      next = number + 1
      continue
    }
    const sub = node.type === 'paragraph' && (node.level ?? 1) > 1 && list ? list.children[list.children.length - 1] : undefined
    const md = block(node, ctx)
    if (sub) {
      // A subparagraph belongs to the numbered paragraph before it.
      sub.children.push(...(md as Md.BlockContent[]))
      sub.spread = true
      list!.spread = true
      continue
    }
    list = undefined
    out.push(...md)
  }
  return out
}

function listNumber(node: Paragraph): number | undefined {
  if (node.marker === undefined || (node.level ?? 1) !== 1) return undefined
  const m = /^(\d{1,9})\. $/.exec(node.marker)
  return m ? Number(m[1]) : undefined
}

/** The content of a node's block, after the anchor of the node's eId. */
function anchored(node: object, content: Md.PhrasingContent[], ctx: Context): Md.PhrasingContent[] {
  const id = ctx.ids.of(node)
  return id === undefined ? content : [anchor(id), ...content]
}

function block(node: Block, ctx: Context): Md.RootContent[] {
  switch (node.type) {
    case 'heading': {
      const depth = HEADING_DEPTH[node.role]
      const content = anchored(node, marked(node, ctx), ctx)
      return [depth ? { type: 'heading', depth, children: content } : { type: 'paragraph', children: content }]
    }
    case 'paragraph':
      return [{ type: 'paragraph', children: anchored(node, marked(node, ctx), ctx) }]
    case 'signature':
      // The signature block's eId stands before its first line's.
      return node.children.map((line, i) => {
        const content = anchored(line, inlines(line.children, ctx), ctx)
        return { type: 'paragraph', children: i === 0 ? anchored(node, content, ctx) : content }
      })
    default:
      return [{ type: 'paragraph', children: anchored(node, inlines(node.children, ctx), ctx) }]
  }
}

/** The inline content of a numbered block, its number as printed before it. */
function marked(node: Heading | Paragraph, ctx: Context): Md.PhrasingContent[] {
  const content = inlines(node.children, ctx)
  return node.marker ? [{ type: 'text', value: node.marker }, ...content] : content
}

function inlines(nodes: readonly Inline[], ctx: Context): Md.PhrasingContent[] {
  // Adjacent texts (a paragraph is one text node per raw line it was unwrapped from) become one:
  // the writer escapes each text node on its own, at a cost per node, and the Markdown is the same.
  const out: Md.PhrasingContent[] = []
  for (const n of phrasing(nodes, ctx)) {
    const last = out[out.length - 1]
    if (n.type === 'text' && last?.type === 'text') out[out.length - 1] = { type: 'text', value: last.value + n.value }
    else out.push(n)
  }
  return out
}

function phrasing(nodes: readonly Inline[], ctx: Context): Md.PhrasingContent[] {
  return nodes.flatMap((n): Md.PhrasingContent[] => {
    if (n.type === 'text') return [{ type: 'text', value: n.value }]
    if (n.type === 'footnoteReference') {
      // A note's eId is its first reference's, anchored at the note's text; a later reference
      // (a noteRef in Akoma Ntoso) has an eId of its own, as has a reference to a note never written.
      const id = ctx.ids.of(n)
      const reference: Md.FootnoteReference = { type: 'footnoteReference', identifier: n.identifier, label: n.label }
      return id !== undefined && (id !== ctx.ids.note(n.identifier) || !ctx.defined.has(n.identifier)) ? [anchor(id), reference] : [reference]
    }
    const text: Md.Text[] = n.children.map((c) => ({ type: 'text', value: c.value }))
    return [url(n, ctx) !== undefined ? { type: 'link', url: url(n, ctx)!, children: text } : { type: 'text', value: text.map((t) => t.value).join('') }]
  })
}

/** Where a citation links: a paragraph or annex of this text to its anchor, a cited document of the corpus to its Markdown, any other to its official address. */
function url(n: Citation, ctx: Context): string | undefined {
  if (isInternal(n)) {
    const eId = n.target === undefined ? undefined : ctx.ids.target(n.target)
    return eId === undefined ? undefined : `#${eId}`
  }
  return n.target !== undefined ? `${n.target}.md` : n.href
}
