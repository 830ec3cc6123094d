import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { TextItem, TextMarkedContent } from 'pdfjs-dist/types/src/display/api.js'
import type { Inline, UndocDocument } from '../pipeline/types/document.js'

/** A run of text as pdf.js extracts it, with the structure tag of the marked content around it. */
export interface PdfItem {
  readonly page: number
  readonly tag: string
  readonly str: string
  readonly x: number
  /** Baseline, from the top of the page (as the writer measures). */
  readonly y: number
  readonly width: number
  readonly size: number
  /** The font the run is drawn in, without its subset tag ("Tinos-Italic"): read only when asked for (`fonts`). */
  readonly font?: string
}

export interface PdfLine {
  readonly page: number
  readonly tag: string
  readonly text: string
  readonly items: readonly PdfItem[]
}

export interface ReadPdf {
  readonly pages: number
  readonly items: PdfItem[]
  readonly info: Record<string, unknown>
  readonly outline: string[]
  /** Link annotations by page: an external address, a named destination, or a page (its number, from 1). */
  readonly links: { page: number; url?: string; dest?: string; to?: number }[]
  readonly dests: Set<string>
  /** The roles of the structure tree (tagged PDF) met on each page, by page. */
  readonly roles: Set<string>[]
}

/**
 * Reads a PDF the way a reader's copy-and-paste or a screen reader does: with pdf.js; with `fonts`,
 * also the font of each run (pdf.js loads a page's fonts only to draw it, which takes longer).
 */
export async function readPdf(bytes: Uint8Array, options: { readonly fonts?: boolean } = {}): Promise<ReadPdf> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0, fontExtraProperties: options.fonts === true }).promise
  const items: PdfItem[] = []
  const links: ReadPdf['links'] = []
  const roles: Set<string>[] = []
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n)
    const found = new Set<string>()
    const visit = (node: { role?: string; children?: unknown[] } | null) => {
      if (!node) return
      if (node.role) found.add(node.role)
      for (const c of node.children ?? []) visit(c as { role?: string; children?: unknown[] })
    }
    visit((await page.getStructTree()) as { role?: string; children?: unknown[] } | null)
    roles.push(found)
    const height = page.view[3]!
    // Drawing the page (to an operator list) loads its fonts, with their names, into the page's objects.
    if (options.fonts) await page.getOperatorList()
    const fontOf = (id: string) => (page.commonObjs.get(id) as { name?: string } | undefined)?.name?.replace(/^[A-Z]{6}\+/, '')
    const content = await page.getTextContent({ includeMarkedContent: true })
    // Marked content by tag: a line's own span (its text for copying) sits inside its structure's.
    const tags: string[] = []
    // pdf.js reports the tag of marked content, which its types do not declare.
    for (const item of content.items as (TextItem | (TextMarkedContent & { tag?: string }))[]) {
      if ('type' in item) {
        if (item.type === 'endMarkedContent') tags.pop()
        else tags.push(item.tag ?? '')
        continue
      }
      if (item.str.trim() === '') continue
      const font = options.fonts ? fontOf(item.fontName) : undefined
      items.push({
        page: n,
        tag: tags.findLast((t) => t !== 'Span') ?? '',
        str: item.str,
        x: item.transform[4],
        y: height - item.transform[5],
        width: item.width,
        size: item.transform[0],
        ...(font ? { font } : {})
      })
    }
    for (const a of (await page.getAnnotations()) as { subtype: string; url?: string; dest?: string | [{ num: number; gen: number }, ...unknown[]] }[]) {
      if (a.subtype !== 'Link') continue
      const to = Array.isArray(a.dest) ? (await pdf.getPageIndex(a.dest[0])) + 1 : undefined
      links.push({ page: n, ...(a.url ? { url: a.url } : {}), ...(typeof a.dest === 'string' ? { dest: a.dest } : {}), ...(to ? { to } : {}) })
    }
  }
  const meta = await pdf.getMetadata()
  const outline = flatten((await pdf.getOutline()) ?? [])
  const dests = new Set(Object.keys((await pdf.getDestinations()) as Record<string, unknown>))
  await pdf.destroy()
  return { pages: items.reduce((m, i) => Math.max(m, i.page), 0), items, info: meta.info as Record<string, unknown>, outline, links, dests, roles }
}

/** The page (from 1) a named destination of a PDF leads to. */
export async function destinationPage(bytes: Uint8Array, name: string): Promise<number> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), verbosity: 0 }).promise
  const dest = (await pdf.getDestination(name)) as [{ num: number; gen: number }, ...unknown[]] | null
  if (!dest) throw new Error(`no destination ${name}`)
  const page = (await pdf.getPageIndex(dest[0])) + 1
  await pdf.destroy()
  return page
}

function flatten(nodes: readonly { title: string; items: unknown[] }[]): string[] {
  return nodes.flatMap((n) => [n.title, ...flatten(n.items as { title: string; items: unknown[] }[])])
}

/** Items on one baseline of a page in one structure, left to right: a printed line (superscripts sit on their own). */
export function pdfLines(items: readonly PdfItem[]): PdfLine[] {
  const byLine = new Map<string, PdfItem[]>()
  for (const i of items) {
    const key = `${i.page}:${i.tag}:${Math.round(i.y * 2)}`
    byLine.set(key, [...(byLine.get(key) ?? []), i])
  }
  return [...byLine.values()].map((group) => {
    const sorted = group.sort((a, b) => a.x - b.x)
    return { page: sorted[0]!.page, tag: sorted[0]!.tag, text: sorted.map((i) => i.str).join(''), items: sorted }
  })
}

const HAN = /\p{Script=Han}/gu

/** A space between Han and a Latin letter or digit, either way round. */
const HAN_LATIN_SPACE = /(?<=\p{Script=Han})\s+(?=[\p{Script=Latin}\p{Nd}])|(?<=[\p{Script=Latin}\p{Nd}])\s+(?=\p{Script=Han})/gu

/**
 * Text with its whitespace taken out except between Han and Latin, where it becomes one space:
 * what a reader that takes the ¼-em Han–Latin gap (clreq) for a space shows, and the source does not.
 */
export function hanLatinSpaces(text: string): string {
  return text.replace(HAN_LATIN_SPACE, '\u0000').replace(/\s+/g, '').replaceAll('\u0000', ' ')
}

export function han(text: string): string {
  return (text.match(HAN) ?? []).join('')
}

/** The text of inlines as printed (footnote references as their labels). */
export function printed(nodes: readonly Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.value : n.type === 'footnoteReference' ? n.label : n.children.map((c) => c.value).join(''))).join('')
}

/** The Han characters of a document's text in reading order as printed, footnotes apart. */
export function documentHan(doc: UndocDocument): { body: string; notes: Map<string, string> } {
  let body = ''
  const notes = new Map<string, string>()
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'footnoteDefinition') {
      const fn = node as unknown as { label: string; children: Inline[] }
      notes.set(fn.label, han(printed(fn.children)))
      return
    }
    // A heading's number is data in the tree and printed before its text ("一、导言").
    // The number as printed ("三九六(五)."), where the tree's number is its canonical form ("396(V)").
    const heading = node as { type: string; role?: string; number?: string; marker?: string }
    if (heading.type === 'heading' && heading.number && ['title', 'chapter', 'section'].includes(heading.role!)) body += han(heading.marker ?? heading.number)
    // A paragraph's number and a note's mark are printed too, and may be Han ("一、", "(甲)", "(注)").
    if (node.type === 'paragraph' && heading.marker) body += han(heading.marker)
    if (node.type === 'footnoteReference') body += han((node as unknown as { label: string }).label)
    if (node.type === 'text') {
      body += han((node as unknown as { value: string }).value)
      return
    }
    for (const c of node.children ?? []) walk(c as { type: string; children?: unknown[] })
  }
  walk(doc.tree)
  return { body, notes }
}

/** The text of a document as printed, in reading order, footnotes apart: headings with their numbers, paragraphs with theirs. */
export function documentText(doc: UndocDocument): { body: string; notes: string[] } {
  let body = ''
  const notes: string[] = []
  const walk = (node: { type: string; children?: unknown[] }): void => {
    if (node.type === 'footnoteDefinition') {
      const fn = node as unknown as { label: string; children: Inline[] }
      notes.push(fn.label + printed(fn.children))
      return
    }
    const block = node as { type: string; marker?: string; number?: string; children?: unknown[] }
    const inline = (block.children ?? []).every((c) => ['text', 'citation', 'footnoteReference'].includes((c as { type: string }).type))
    if (block.children?.length && inline) {
      const number = block.type === 'heading' ? (block.marker ?? '') : block.type === 'paragraph' ? (block.marker?.trim() ?? block.number ?? '') : ''
      body += number + printed(block.children as Inline[])
      return
    }
    for (const c of block.children ?? []) walk(c as { type: string; children?: unknown[] })
  }
  walk(doc.tree)
  return { body, notes }
}
