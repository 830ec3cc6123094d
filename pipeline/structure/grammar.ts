// The document grammar, read top-down (after Laws.Africa's bluebell):
//
//   document     := preface? text attachment* footnotes?
//   preface      := (session | agendaItem agendaTitle*)* title? (title | adoptionNote | subtitle)*   the last only before a formula
//   title        := resolutionTitle | scResolutionTitle adoptionNote? | letterTitle | noteVerbaleTitle | statementTitle
//   text         := preamble? body? conclusions?
//   preamble     := formula? paragraph*            (the paragraphs before the first numbered one)
//   body         := (heading | numbered | paragraph)*
//   conclusions  := signature? (dateLine | meeting | placeAndDate)*
//   signature    := function? signedName
//   attachment   := annexHeading title? adoptionNote? text
//
// Each rule is one function below; they consume classified blocks from a cursor.
import type {
  Adoption,
  Attachment,
  Conclusions,
  FootnoteDefinition,
  Formula,
  Heading,
  Kind,
  Metadata,
  Paragraph,
  Part,
  Position,
  Preface,
  Signature,
  SignatureLine
} from '../types/document.js'
import type { LanguageProfile } from '../lang/profile.js'
import { endsClause, FOOTNOTE_DEFINITION } from '../model/clause.js'
import type { Block, Positions } from '../model/blocks.js'
import type { Classified } from './classify.js'

/** What the grammar learns about the document while it reads it. */
export interface Found {
  kind?: Kind
  organ?: Metadata['organ']
  title?: string
  number?: string
  date?: string
  session?: NonNullable<Metadata['session']>
  agendaItem?: NonNullable<Metadata['agendaItem']>
  meeting?: number
  place?: string
}

export class Grammar {
  private i = 0
  readonly found: Found = {}

  constructor(
    private readonly blocks: readonly Classified[],
    private readonly pos: Positions,
    private readonly lang: LanguageProfile
  ) {}

  private get peek(): Classified | undefined {
    return this.blocks[this.i]
  }

  document(footnotes: readonly Block[]): Part[] {
    const parts: Part[] = []
    const preface = this.preface()
    if (preface) parts.push(preface)
    const annexAt = this.nextIndex('annexHeading')
    parts.push(...this.text(annexAt, true))
    while (this.peek) parts.push(this.attachment())
    if (footnotes.length > 0) {
      const children = footnotes.map((b) => this.footnote(b))
      parts.push({ type: 'footnotes', children, position: this.span(children) })
    }
    return parts
  }

  private nextIndex(kind: Classified['kind'], from = this.i): number {
    const k = this.blocks.findIndex((b, n) => n >= from && b.kind === kind)
    return k === -1 ? this.blocks.length : k
  }

  preface(): Preface | null {
    const children: Heading[] = []
    for (let b = this.peek; b; b = this.peek) {
      if (b.kind === 'session') {
        const n = this.lang.numeral(b.match![1]!)
        if (n !== null && n > 0) this.found.session ??= { number: n, text: b.text }
        children.push(this.heading(b, 'session'))
      } else if (b.kind === 'agendaItem') {
        children.push(this.heading(b, 'agendaItem'))
        const titles: string[] = []
        this.i++
        // The agenda item's titles follow it: short lines that are not the document's title.
        while (this.peek && this.peek.kind === 'text' && this.peek.text.length <= this.lang.grammar.titleLength && !endsClause(this.peek.text.replace(/[：:]$/, '')) && titles.length < 3) {
          titles.push(this.peek.text)
          children.push(this.heading(this.peek, 'agendaTitle'))
          this.i++
        }
        this.found.agendaItem ??= { number: b.match![1]!, titles }
        continue
      } else break
      this.i++
    }
    const title = this.title()
    if (title) children.push(...title)
    children.push(...this.beforeFormula(title !== null))
    return children.length ? { type: 'preface', children, position: this.span(children) } : null
  }

  /**
   * The lines a copy sets above the formula (a web page's title, the adoption line, a symbol in
   * brackets): the preface's, with a title or adoption note among them read as such, when a
   * formula follows before any numbered paragraph or annex.
   */
  private beforeFormula(titled: boolean): Heading[] {
    const formulaAt = this.blocks.findIndex((b, n) => n >= this.i && ['formula', 'numbered', 'chapter', 'section', 'annexHeading'].includes(b.kind))
    if (formulaAt <= this.i || this.blocks[formulaAt]!.kind !== 'formula') return []
    const out: Heading[] = []
    while (this.i < formulaAt) {
      const title = titled ? null : this.title()
      if (title) {
        titled = true
        out.push(...title)
        continue
      }
      const note = this.adoptionNote(true)
      if (note) out.push(note)
      else out.push(this.heading(this.blocks[this.i++]!, 'subtitle'))
    }
    return out
  }

  private title(): Heading[] | null {
    const b = this.peek
    if (!b) return null
    switch (b.kind) {
      case 'resolutionTitle': {
        this.i++
        this.found.number = b.number!.replace(/\s/g, '')
        this.found.title = b.text.slice(b.contentOffset)
        return [this.heading(b, 'title', b.number!.replace(/\s/g, ''), b.contentOffset)]
      }
      case 'scResolutionTitle': {
        this.i++
        this.found.kind = 'sc-resolution'
        this.found.organ = 'SC'
        this.found.number = `${b.match![1]}(${b.match![2]})`
        this.found.title = b.text
        const out = [this.heading(b, 'title', this.found.number)]
        const note = this.adoptionNote(true)
        if (note) out.push(note)
        return out
      }
      case 'letterTitle':
      case 'noteVerbaleTitle':
      case 'statementTitle':
      case 'reportTitle': {
        this.i++
        this.found.kind = TITLE_KINDS[b.kind]
        this.found.title = b.text
        const date = this.lang.dates(b.text)[0]
        if (date && date.index === 0) this.found.date ??= date.iso
        return [this.heading(b, 'title')]
      }
      default:
        return null
    }
  }

  /** "2005年9月14日安全理事会第5261次会议通过": for the main text, its date and meeting are the document's. */
  private adoptionNote(main: boolean): Heading | null {
    const b = this.peek
    if (!b || b.kind !== 'adoptionNote') return null
    this.i++
    if (main) {
      const date = this.lang.dates(b.text)[0]
      const meeting = this.lang.grammar.meetingInNote.exec(b.text)
      if (date) this.found.date ??= date.iso
      if (meeting) this.found.meeting ??= Number(meeting[1])
    }
    return this.heading(b, 'adoptionNote')
  }

  /** preamble? body? conclusions? — over the blocks up to `end`. */
  text(end: number, main: boolean): Part[] {
    const parts: Part[] = []
    const closing = this.conclusionsStart(end)
    const formula = this.formula()
    const firstNumbered = this.blocks.findIndex((b, n) => n >= this.i && n < closing && (b.kind === 'numbered' || b.kind === 'chapter' || b.kind === 'section'))
    const preambleEnd = firstNumbered === -1 ? (formula ? closing : this.i) : firstNumbered
    const preambleChildren: (Formula | Paragraph)[] = formula ? [formula] : []
    while (this.i < preambleEnd) preambleChildren.push(this.paragraph(this.blocks[this.i++]!, formula ? 'preambular' : 'text'))
    if (preambleChildren.length) parts.push({ type: 'preamble', children: preambleChildren, position: this.span(preambleChildren) })
    if (formula && main) {
      this.found.kind ??= this.formulaKind(formula)
    }
    const bodyChildren: (Heading | Paragraph)[] = []
    // Numbered paragraphs are operative after an enacting formula or a preamble that ends "…如下：";
    // in reports and other texts they are plain numbered paragraphs.
    const lastPreamble = preambleChildren[preambleChildren.length - 1]
    const enacted = formula !== null || (lastPreamble !== undefined && this.lang.grammar.preambleEnd.test(this.plain(lastPreamble)))
    const role: Paragraph['role'] = enacted ? 'operative' : 'text'
    const letters = new LetterSequence()
    while (this.i < closing) {
      const b = this.blocks[this.i++]!
      if (b.kind === 'chapter') {
        bodyChildren.push(this.heading(b, 'chapter', b.number, b.contentOffset))
        this.found.kind ??= 'report'
      } else if (b.kind === 'section') bodyChildren.push(this.heading(b, 'section', b.number, b.contentOffset))
      else if (b.kind === 'numbered') bodyChildren.push(this.numbered(b, letters, role))
      else bodyChildren.push(this.paragraph(b, role))
    }
    if (bodyChildren.length) parts.push({ type: 'body', children: bodyChildren, position: this.span(bodyChildren) })
    const conclusions = this.conclusions(end, main)
    if (conclusions) parts.push(conclusions)
    return parts
  }

  private formulaKind(formula: Formula): Kind {
    const text = formula.children.map((c) => ('value' in c ? c.value : '')).join('')
    const f = this.lang.grammar.formula.find((x) => x.pattern.test(text))!
    this.found.organ ??= f.organ
    const n = this.found.number ? Number(this.found.number.split('/')[1]) : NaN
    // The General Assembly numbers its decisions from 401 in each session's series.
    if (f.organ === 'GA' && n >= 401) return 'ga-decision'
    return f.kind
  }

  private formula(): Formula | null {
    const b = this.peek
    if (!b || b.kind !== 'formula') return null
    this.i++
    return { type: 'formula', children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) }
  }

  /** Where the closing blocks (signature, dates, meeting, place) start, looking back from `end`. */
  private conclusionsStart(end: number): number {
    let k = end
    while (k > this.i && ['dateLine', 'meeting', 'placeAndDate'].includes(this.blocks[k - 1]!.kind)) k--
    if (k > this.i && this.blocks[k - 1]!.kind === 'signed') {
      k--
      const fn = this.blocks[k - 1]
      if (k > this.i && fn && fn.kind === 'text' && fn.text.length <= 30 && !endsClause(fn.text)) k--
    }
    return k
  }

  private conclusions(end: number, main: boolean): Conclusions | null {
    const children: (Adoption | Signature)[] = []
    const lines: SignatureLine[] = []
    while (this.i < end) {
      const b = this.blocks[this.i++]!
      if (b.kind === 'text' || b.kind === 'signed') {
        const signed = b.kind === 'signed'
        lines.push({ type: 'signatureLine', role: signed ? 'name' : 'function', ...(signed ? { signed: true } : {}), children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) })
        if (signed) {
          children.push({ type: 'signature', children: [...lines], position: this.span(lines) })
          lines.length = 0
        }
        continue
      }
      const date = this.lang.dates(b.text)[0]?.iso
      const base = { type: 'adoption' as const, children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) }
      if (b.kind === 'meeting') {
        const meeting = Number(b.match![1])
        if (main) this.found.meeting ??= meeting
        children.push({ ...base, role: 'meeting', meeting })
      } else if (b.kind === 'placeAndDate') {
        const place = b.match![2]!
        if (main) {
          this.found.place ??= place
          if (date) this.found.date ??= date
        }
        children.push({ ...base, role: 'placeAndDate', place, ...(date ? { date } : {}) })
      } else {
        if (main && date) this.found.date = date
        children.push({ ...base, role: 'date', ...(date ? { date } : {}) })
      }
    }
    return children.length ? { type: 'conclusions', children, position: this.span(children) } : null
  }

  attachment(): Attachment {
    const b = this.blocks[this.i++]!
    const headings: Heading[] = [this.heading(b, 'annexHeading')]
    const end = this.nextIndex('annexHeading')
    // The annex's own title: a short line that is not yet its text.
    const t = this.peek
    if (t && this.i < end && (t.kind === 'text' || t.kind === 'resolutionTitle' || t.kind === 'letterTitle' || t.kind === 'statementTitle') && t.text.length <= this.lang.grammar.titleLength && !endsClause(t.text)) {
      headings.push(this.heading(t, 'title'))
      this.i++
    }
    const note = this.adoptionNote(false)
    if (note) headings.push(note)
    const children: Attachment['children'] = [{ type: 'preface', children: headings, position: this.span(headings) }]
    children.push(...(this.text(end, false) as Attachment['children']))
    return { type: 'attachment', children, position: this.span(children) }
  }

  private heading(b: Classified, role: Heading['role'], number?: string, contentOffset = 0): Heading {
    const marker = b.text.slice(0, contentOffset)
    return {
      type: 'heading',
      role,
      ...(number !== undefined ? { number } : {}),
      ...(marker ? { marker } : {}),
      children: this.pos.inlines(b.start + contentOffset, b.end),
      position: this.pos.of(b.start, b.end)
    }
  }

  private paragraph(b: Classified, role: Paragraph['role']): Paragraph {
    return { type: 'paragraph', role, children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) }
  }

  private plain(node: Formula | Paragraph): string {
    return node.children.map((c) => (c.type === 'text' ? c.value : '')).join('')
  }

  private numbered(b: Classified, letters: LetterSequence, role: Paragraph['role']): Paragraph {
    let level = b.level!
    let number = b.number!
    // "(i)" after "(h)" is the ninth letter, not the roman one.
    if (level === 3 && letters.expects(number)) level = 2
    if (level === 2 && !letters.expects(number) && /^[ivxlc]+$/.test(number) && letters.open) level = 3
    if (level === 1) letters.reset()
    if (level === 2) letters.saw(number)
    number = number.trim()
    return {
      type: 'paragraph',
      role,
      number,
      marker: b.text.slice(0, b.contentOffset),
      // Letters with no number above them are the part's own paragraphs ("Decides: (a) …; (b) …").
      level: letters.underNumber ? level : Math.max(1, level - 1),
      children: this.pos.inlines(b.start + b.contentOffset, b.end),
      position: this.pos.of(b.start, b.end)
    }
  }

  private footnote(b: Block): FootnoteDefinition {
    const label = FOOTNOTE_DEFINITION.exec(b.text)![1]!
    const head = FOOTNOTE_DEFINITION.exec(b.text)![0].length
    const textStart = b.start + head + (b.text[head] === ' ' ? 1 : 0)
    return { type: 'footnoteDefinition', identifier: label, label, children: this.pos.inlines(textStart, b.end), position: this.pos.of(b.start, b.end) }
  }

  private span(nodes: readonly { position: Position }[]): Position {
    return { start: nodes[0]!.position.start, end: nodes[nodes.length - 1]!.position.end }
  }
}

const TITLE_KINDS: Partial<Record<Classified['kind'], Kind>> = {
  letterTitle: 'letter',
  noteVerbaleTitle: 'note-verbale',
  statementTitle: 'statement',
  reportTitle: 'report'
}

/** Tracks subparagraph letters (a), (b)… to tell the letter (i) from the roman numeral (i). */
class LetterSequence {
  private last = ''
  /** Whether a numbered paragraph has been seen, which letters after it are the items of. */
  underNumber = false
  get open(): boolean {
    return this.last !== ''
  }
  /** At a numbered paragraph: its letters start again. */
  reset(): void {
    this.last = ''
    this.underNumber = true
  }
  saw(letter: string): void {
    this.last = letter
  }
  expects(letter: string): boolean {
    if (letter.length !== 1) return false
    return this.last === '' ? letter === 'a' : letter.charCodeAt(0) === this.last.charCodeAt(this.last.length - 1) + 1
  }
}
