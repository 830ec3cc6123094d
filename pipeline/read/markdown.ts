import { decodeNamedCharacterReference } from 'decode-named-character-reference'
import type * as Md from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { parseDocument } from 'yaml'
import { MappedText, type Drop, type Piece } from '../model/mapped-text.js'
import type { RawText } from '../core/raw-text.js'
import type { RawMessage } from '../core/diagnostic.js'
import { joiner } from '../model/join.js'
import type { Metadata } from '../types/document.js'
import { MAX_CONTAINER_DEPTH, MAX_DELIMITER_RUNS, MAX_OPEN_INLINE, tooDeep, type TooDeep } from './markdown-nesting.js'
import { METADATA_SCHEMA, validate } from '../validate/index.js'

/**
 * A Markdown source read as the raw-text path's canonical text: one block per line, blocks
 * separated by a blank line, numbers as printed ("7. "), footnote references "[^n]" and the
 * footnotes as "[^n]: …" blocks after the text. The markup is dropped and logged, so the rest of
 * the pipeline (structure, crossref) reads a Markdown source exactly as it reads a raw text, and
 * every position points into the Markdown file. The front matter is the document's metadata.
 */
export interface MarkdownRead {
  readonly text: MappedText
  readonly metadata?: Partial<Metadata>
  readonly messages: readonly RawMessage[]
}

const parser = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm).freeze()

/** The longest front matter read: metadata is a few fields, as a sidecar is (and has the same limit). */
const MAX_FRONT_MATTER = 64 * 2 ** 10
/** The most aliases a front matter may expand: each copies what it names, and copies of copies multiply. */
const MAX_ALIASES = 100

const MARKUP = 'Markdown syntax: block and list markers, escapes, link addresses and the line breaks between blocks'
const FRONT_MATTER = 'YAML front matter: read into the metadata'
const UNFIT = 'Markdown that the document grammar has no place for'
const ANCHOR = 'HTML anchor naming an element (eId): the writer derives it from the structure again'

/** The opening tag of the empty anchor the Markdown edition writes at a block (`<a id="para_3"></a>`). */
const ANCHOR_OPEN = /^<a id="[^"<>]*">$/

/** What a reader calls the Markdown constructs an undoc document has no place for. */
const UNFIT_NAMES: Readonly<Record<string, string>> = {
  blockquote: 'A block quote',
  code: 'A code block',
  table: 'A table',
  thematicBreak: 'A horizontal rule',
  html: 'HTML',
  definition: 'A link reference definition',
  inlineCode: 'Inline code',
  image: 'An image',
  imageReference: 'An image'
}

/** `widePunctuation`: the language's (`Typesetting.widePunctuation`), which a soft line break beside joins with no space. */
export function readMarkdown(raw: RawText, widePunctuation: string): MarkdownRead {
  return new MarkdownReader(raw, widePunctuation).read()
}

type Positioned = { position?: Md.Node['position'] }

class MarkdownReader {
  private readonly src: string
  private readonly main: Piece[][] = []
  private readonly footnotes: Piece[][] = []
  private readonly covered: { start: number; end: number; drop?: Drop }[] = []
  private readonly messages: RawMessage[] = []
  private metadata: Partial<Metadata> | undefined

  constructor(
    private readonly raw: RawText,
    private readonly widePunctuation: string
  ) {
    this.src = raw.text
  }

  read(): MarkdownRead {
    const deep = tooDeep(this.src)
    if (deep) return this.refuse(deep)
    const tree = parser.parse(this.src)
    for (const node of tree.children) this.block(node, this.main)
    const pieces: Piece[] = []
    for (const block of [...this.main, ...this.footnotes]) {
      if (block.length === 0) continue
      if (pieces.length > 0) pieces.push({ insert: '\n\n' })
      pieces.push(...block)
    }
    const text = MappedText.fromRaw(this.raw).rewrite('markdown', { pieces, drops: this.drops() })
    return { text, ...(this.metadata ? { metadata: this.metadata } : {}), messages: this.messages }
  }

  /** A source nested too deep to parse: one error where it goes past the limit, and no text. */
  private refuse({ start, end, what, depth }: TooDeep): MarkdownRead {
    const reason = {
      containers: `Block quotes and lists nest ${depth} deep on this line, more than the ${MAX_CONTAINER_DEPTH} levels undoc reads: a UN document nests a few (paragraph, (a), (i)).`,
      inline: `${depth} emphasis marks and brackets are open at once on this line, more than the ${MAX_OPEN_INLINE} undoc reads: close them, or escape the marks that are text (\\*, \\[).`,
      delimiters: `The paragraph has ${depth} runs of emphasis marks (*, _, ~) by this line, more than the ${MAX_DELIMITER_RUNS} undoc reads in one paragraph: escape the marks that are text (\\*, \\_), or split the paragraph.`
    }[what]
    const drops = [{ start: 0, end: this.src.length, reason: UNFIT }]
    return { text: MappedText.fromRaw(this.raw).rewrite('markdown', { pieces: [], drops }), messages: [{ ruleId: 'markdown-unfit', severity: 'error', reason, rawStart: start, rawEnd: end }] }
  }

  /** Every source character not kept is dropped: by the reason recorded for it, or as markup. */
  private drops(): Drop[] {
    const out: Drop[] = []
    let at = 0
    for (const c of [...this.covered].sort((a, b) => a.start - b.start)) {
      if (c.start > at) out.push({ start: at, end: c.start, reason: MARKUP })
      if (c.drop) out.push(c.drop)
      at = Math.max(at, c.end)
    }
    if (at < this.src.length) out.push({ start: at, end: this.src.length, reason: MARKUP })
    return out
  }

  private keep(start: number, end: number, into: Piece[]): void {
    if (end <= start) return
    const last = into[into.length - 1]
    if (last && 'keep' in last && last.keep[1] === start) into[into.length - 1] = { keep: [last.keep[0], end] }
    else into.push({ keep: [start, end] })
    this.covered.push({ start, end })
  }

  /** Puts `text` in the place of the source range [start, end), logged as a replacement. */
  private replace(start: number, end: number, text: string, reason: string, into: Piece[]): void {
    into.push(text ? { insert: text, replaces: [start, end] } : { insert: '' })
    this.covered.push({ start, end, drop: { start, end, reason, ...(text ? { replacement: text } : {}) } })
  }

  /** Source text that must be `expected` in the canonical text: kept as it is when it is, else replaced. */
  private literal(start: number, end: number, expected: string, into: Piece[]): void {
    if (this.src.slice(start, end) === expected) this.keep(start, end, into)
    else this.replace(start, end, expected, MARKUP, into)
  }

  private unfit(node: Md.Node, what: string): void {
    const { start, end } = span(node)
    this.messages.push({
      ruleId: 'markdown-unfit',
      severity: 'error',
      reason: `${what} has no place in a UN document: write it as paragraphs, numbered paragraphs, headings or footnotes.`,
      rawStart: start,
      rawEnd: end
    })
    this.covered.push({ start, end, drop: { start, end, reason: UNFIT } })
  }

  private block(node: Md.RootContent, into: Piece[][]): void {
    switch (node.type) {
      case 'yaml':
        this.frontMatter(node)
        return
      case 'heading':
      case 'paragraph': {
        const pieces: Piece[] = []
        this.inlines(node.children, pieces)
        into.push(pieces)
        return
      }
      case 'list':
        if (!node.ordered) return this.unfit(node, 'A bulleted list')
        node.children.forEach((item, k) => this.listItem(item, (node.start ?? 1) + k, into))
        return
      case 'footnoteDefinition': {
        const [first, ...rest] = node.children
        if (!first || first.type !== 'paragraph') return this.unfit(node, 'A footnote that does not begin with text')
        const pieces: Piece[] = []
        this.literal(span(node).start, span(first).start, `[^${node.label ?? node.identifier}]: `, pieces)
        this.inlines(first.children, pieces)
        this.footnotes.push(pieces)
        for (const more of rest) this.unfit(more, 'A second paragraph in a footnote')
        return
      }
      default:
        return this.unfit(node, UNFIT_NAMES[node.type] ?? `Markdown ${node.type}`)
    }
  }

  /** A numbered paragraph: its number as printed ("7. ") from the list, then its text; its subparagraphs follow as blocks. */
  private listItem(item: Md.ListItem, number: number, into: Piece[][]): void {
    const [first, ...rest] = item.children
    if (!first || first.type !== 'paragraph') return this.unfit(item, 'A numbered paragraph without text')
    const pieces: Piece[] = []
    this.literal(span(item).start, span(first).start, `${number}. `, pieces)
    this.inlines(first.children, pieces)
    into.push(pieces)
    for (const child of rest) this.block(child, into)
  }

  private inlines(nodes: readonly Md.PhrasingContent[], into: Piece[]): void {
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!
      const close = nodes[i + 1]
      if (node.type === 'html' && ANCHOR_OPEN.test(node.value) && close?.type === 'html' && close.value === '</a>' && span(close).start === span(node).end) {
        // An element's anchor, as the Markdown edition writes it: the structure names the element again.
        const { start } = span(node)
        const { end } = span(close)
        this.covered.push({ start, end, drop: { start, end, reason: ANCHOR } })
        i++
        continue
      }
      switch (node.type) {
        case 'text':
          this.text(node, into)
          break
        case 'footnoteReference': {
          const { start, end } = span(node)
          this.literal(start, end, `[^${node.label ?? node.identifier}]`, into)
          break
        }
        case 'link':
        case 'linkReference':
          // A citation's link: its text is the citation, which the crossref stage finds again.
          this.inlines(node.children, into)
          break
        case 'emphasis':
        case 'strong':
        case 'delete': {
          const { start, end } = span(node)
          this.messages.push({
            ruleId: 'markdown-emphasis',
            severity: 'warning',
            reason: `undoc documents carry no ${node.type === 'delete' ? 'strike-through' : 'emphasis'}: its markers are dropped and its text kept.`,
            rawStart: start,
            rawEnd: end
          })
          this.inlines(node.children, into)
          break
        }
        case 'break': {
          const { start, end } = span(node)
          this.replace(start, end, '', MARKUP, into)
          break
        }
        default:
          this.unfit(node, UNFIT_NAMES[node.type] ?? `Markdown ${node.type}`)
      }
    }
  }

  /**
   * A text node's value against its source: the same characters are kept (so positions stay
   * exact); escapes, character references, and line breaks with the indent after them are the
   * markup around them.
   */
  private text(node: Md.Text, into: Piece[]): void {
    const { start, end } = span(node)
    const value = node.value
    const src = this.src
    let i = start
    let j = 0
    let run = i
    const flush = () => {
      this.keep(run, i, into)
    }
    while (j < value.length) {
      const c = value[j]!
      if (c !== '\n' && i < end && src[i] === c) {
        i++
        j++
        continue
      }
      flush()
      if (src[i] === '\\' && src[i + 1] === c) {
        this.covered.push({ start: i, end: i + 1, drop: { start: i, end: i + 1, reason: MARKUP } })
        i++
      } else if (src[i] === '&' && reference(src, i)) {
        const ref = reference(src, i)!
        if (!value.startsWith(ref.text, j)) break
        this.replace(i, i + ref.length, ref.text, MARKUP, into)
        i += ref.length
        j += ref.text.length
      } else if (c === '\n') {
        // A soft line break inside a paragraph: the lines join as wrapped lines of a raw text do.
        let k = i
        while (k < end && /[ \t\r\n]/.test(src[k]!)) k++
        this.replace(i, k, joiner(value.slice(0, j), value.slice(j + 1), this.widePunctuation), MARKUP, into)
        i = k
        j++
      } else if (i < end && /[ \t\r\n]/.test(src[i]!)) {
        this.covered.push({ start: i, end: i + 1, drop: { start: i, end: i + 1, reason: MARKUP } })
        i++
      } else break
      run = i
    }
    if (j < value.length) {
      // Source and value part ways in a way this reader does not know: the rest stands as the parser read it.
      this.replace(i, end, value.slice(j), MARKUP, into)
      return
    }
    flush()
    if (i < end) this.covered.push({ start: i, end, drop: { start: i, end, reason: MARKUP } })
  }

  private frontMatter(node: Md.Yaml): void {
    const { start, end } = span(node)
    this.covered.push({ start, end, drop: { start, end, reason: FRONT_MATTER } })
    const valueStart = this.src.indexOf('\n', start) + 1
    const refuse = (reason: string, at: [number, number] = [start, valueStart]) => this.messages.push({ ruleId: 'front-matter', severity: 'error', reason, rawStart: at[0], rawEnd: at[1] })
    if (node.value.length > MAX_FRONT_MATTER) {
      refuse(`The front matter is ${(node.value.length / 1024).toFixed(0)} KiB long, more than the ${MAX_FRONT_MATTER / 1024} KiB metadata may take (a few fields: symbol, date, title…).`)
      return
    }
    const doc = parseDocument(node.value, { prettyErrors: false })
    for (const e of doc.errors) refuse(`The front matter is not valid YAML: ${e.message.split('\n')[0]}`, [valueStart + e.pos[0], valueStart + e.pos[1]])
    if (doc.errors.length > 0) return
    let value: unknown
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIASES })
    } catch (error) {
      // The YAML library stops aliases that expand without end ("billion laughs") by throwing.
      if (!(error instanceof ReferenceError)) throw error
      refuse(`The front matter's aliases (*name) expand to more than ${MAX_ALIASES} copies: metadata needs none.`)
      return
    }
    if (value === null || value === undefined) return
    const violations = validate(METADATA_SCHEMA, value).filter((v) => !/must have required property/.test(v.message))
    for (const v of violations) {
      const path = v.pointer.split('/').slice(1)
      const at = path.length ? (doc.getIn(path, true) as { range?: [number, number] } | undefined)?.range : undefined
      const [s, e] = at ? [valueStart + at[0], valueStart + at[1]] : [start, end]
      this.messages.push({ ruleId: 'front-matter', severity: 'error', reason: `The front matter is not valid metadata at ${v.pointer}: ${v.message}.`, rawStart: s, rawEnd: e })
    }
    if (violations.length === 0) this.metadata = value as Partial<Metadata>
  }
}

function span(node: Positioned): { start: number; end: number } {
  return { start: node.position!.start.offset!, end: node.position!.end.offset! }
}

/** A character reference at `at` ("&amp;", "&#x2A;", "&#42;"): its length and the text it stands for. */
function reference(src: string, at: number): { length: number; text: string } | undefined {
  const m = /^&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{0,31}));/.exec(src.slice(at, at + 40))
  if (!m) return undefined
  const code = m[1] ? Number(m[1]) : m[2] ? parseInt(m[2], 16) : undefined
  const text = code !== undefined ? String.fromCodePoint(code === 0 || code > 0x10ffff ? 0xfffd : code) : decodeNamedCharacterReference(m[3]!)
  return text === false ? undefined : { length: m[0].length, text }
}
