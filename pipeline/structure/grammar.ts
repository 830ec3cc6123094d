// The document grammar, read top-down (after Laws.Africa's bluebell):
//
//   document     := lead? preface? text attachment* footnotes?
//   lead         := paragraph+   what a page sets above a resolution's title and formula (a bilingual page's original)
//   preface      := (session | agendaItem agendaTitle* | resolutionHeader | basis | adoptionNote)* title? (basis | adoptionNote)*
//                   (title | adoptionNote | subtitle)*   the last: short lines a copy sets above the formula
//   title        := resolutionTitle | scResolutionTitle adoptionNote? | letterTitle | noteVerbaleTitle | statementTitle
//   text         := component+ conclusions?
//   component    := partHeading? preamble? body?   (a resolution in parts A, B…: each its own formula and numbering)
//   preamble     := paragraph* formula? paragraph*  (formula: also one run into its verb over numbered paragraphs;
//                                                   the paragraphs before the first numbered one, or, where none
//                                                   is numbered, those that end as preambular clauses do: "，")
//   body         := (heading | numbered | paragraph)*
//   conclusions  := signature? (dateLine | meeting | voteLine | placeAndDate)*
//   signature    := function? signedName
//   attachment   := annexHeading title? adoptionNote? text
//
// Each rule is one function below; they consume classified blocks from a cursor.
import { romanNumeral } from '../core/roman.js'
import { firstSymbolWord } from '../core/symbol-word.js'
import type {
  Adoption,
  Attachment,
  Basis,
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
  SignatureLine,
  Vote
} from '../types/document.js'
import type { LanguageProfile } from '../lang/profile.js'
import { endsClause, FOOTNOTE_DEFINITION, withoutIntroducingMark } from '../model/clause.js'
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
  vote?: Vote
  basis?: Basis
  place?: string
}

export class Grammar {
  private i = 0
  readonly found: Found = {}
  /** The text of each footnote by its label: a note under the adoption line may give the vote. */
  private notes = new Map<string, string>()

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
    for (const b of footnotes) {
      const m = FOOTNOTE_DEFINITION.exec(b.text)!
      this.notes.set(m[1]!, b.text.slice(m[0].length))
    }
    let preface = this.preface()
    const lead = preface ? null : this.leadBeforeTitle()
    if (lead) {
      parts.push(lead)
      preface = this.preface()
    }
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
        while (
          this.peek &&
          this.peek.kind === 'text' &&
          this.peek.text.length <= this.lang.grammar.titleLength &&
          !endsClause(withoutIntroducingMark(this.peek.text, this.lang.clauseMarks), this.lang.clauseMarks) &&
          titles.length < 3
        ) {
          titles.push(this.peek.text)
          children.push(this.heading(this.peek, 'agendaTitle'))
          this.i++
        }
        this.found.agendaItem ??= { number: b.match![1]!, titles }
        continue
      } else if (b.kind === 'resolutionHeader') {
        this.dateOfHeading(b)
        children.push(this.heading(b, 'subtitle'))
      } else if (b.kind === 'basis') children.push(this.basis(b))
      else if (b.kind === 'adoptionNote') {
        // "2008年6月2日安全理事会第5900次会议通过" heading a text with no title.
        children.push(this.adoptionNote(true)!)
        continue
      }
      // A line the grammar does not know right above a header or title (a web page's dateline) is part of the header.
      else if (b.kind === 'text' && b.text.length <= this.lang.grammar.titleLength && this.headerAhead()) children.push(this.heading(b, 'subtitle'))
      else break
      this.i++
    }
    const title = this.title() ?? this.compilationTitle()
    if (title) children.push(...title)
    // Under the title of early texts: the document it was issued in ("〔S/296〕").
    for (let b = this.peek; title && b && (b.kind === 'basis' || b.kind === 'adoptionNote'); b = this.peek) {
      if (b.kind === 'basis') {
        children.push(this.basis(b))
        this.i++
      } else children.push(this.adoptionNote(true)!)
    }
    children.push(...this.beforeFormula(title !== null))
    return children.length ? { type: 'preface', children, position: this.span(children) } : null
  }

  /**
   * Paragraphs the grammar does not know above a resolution's title and formula, more than a
   * header's lines (a blog's heading over the English original that a bilingual page sets before
   * the Chinese text): another text of the page, read as plain paragraphs, and the document starts
   * at its title.
   */
  private leadBeforeTitle(): Part | null {
    // The original's paragraphs, numbered or not ("1. Decides…" reads as a numbered paragraph here too).
    const t = this.blocks.findIndex((b, n) => n >= this.i && b.kind !== 'text' && b.kind !== 'numbered')
    if (t <= this.i || (this.blocks[t]!.kind !== 'resolutionTitle' && this.blocks[t]!.kind !== 'scResolutionTitle')) return null
    let f = t + 1
    while (this.blocks[f]?.kind === 'adoptionNote' || this.blocks[f]?.kind === 'basis') f++
    if (this.blocks[f]?.kind !== 'formula' && this.blocks[f]?.kind !== 'fusedFormula') return null
    const children: Paragraph[] = []
    while (this.i < t) children.push(this.paragraph(this.blocks[this.i++]!, 'text'))
    return { type: 'body', children, position: this.span(children) }
  }

  private headerAhead(): boolean {
    return this.blocks.slice(this.i + 1, this.i + 3).some((b) => HEADER_KINDS.has(b.kind))
  }

  /** "[根据第三委员会的报告(A/67/456)通过]": the basis goes into the metadata; the crossref stage cites its symbol. */
  private basis(b: Classified): Heading {
    const text = b.match![1]!
    const symbol = firstSymbolWord(text)
    this.found.basis ??= { text, ...(symbol ? { symbol } : {}) }
    return this.heading(b, 'basis')
  }

  /** A header or title that starts with its date ("2016年12月19日大会通过的决议"): the date of adoption. */
  private dateOfHeading(b: Classified, from = 0): void {
    const date = this.lang.dates(b.text.slice(from))[0]
    if (date && date.index === 0) this.found.date ??= date.iso
  }

  /** A resolution's number as its symbol writes it: "四(一九四六)" → 4(1946), "二一五九(二十一)" → 2159(XXI). */
  private resolutionNumber(printed: string): string {
    const compact = printed.replace(/\s/g, '')
    const m = /^([^(]+)\(([^)]+)\)$/.exec(compact)
    if (!m || /^\d+$/.test(m[1]!)) return compact
    const number = this.lang.numeral(m[1]!)
    const within = this.lang.numeral(m[2]!)
    if (number === null || within === null) return compact
    // The Security Council numbers by year (1946 on), the General Assembly by session (I, II…).
    return `${number}(${within >= 1946 ? within : romanNumeral(within)})`
  }

  /**
   * The lines a copy sets above the formula (a web page's title, the adoption line, a symbol in
   * brackets): the preface's, with a title or adoption note among them read as such, when a
   * formula follows before any numbered paragraph or annex.
   */
  private beforeFormula(titled: boolean): Heading[] {
    const formulaAt = this.blocks.findIndex((b, n) => n >= this.i && ['formula', 'numbered', 'chapter', 'section', 'annexHeading', 'partHeading'].includes(b.kind))
    if (formulaAt <= this.i || this.blocks[formulaAt]!.kind !== 'formula') return []
    // Clauses before the formula are an early text's preamble ("鉴于……，因此，大会，"), not lines above it.
    if (this.blocks.slice(this.i, formulaAt).some((b) => this.lang.grammar.preambularEnd.test(b.text))) return []
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
        this.found.number = this.resolutionNumber(b.number!)
        this.found.title = b.text.slice(b.contentOffset)
        // Early titles are the date of adoption: "一九四七年三月十日决议案".
        this.dateOfHeading(b, b.contentOffset)
        return [this.heading(b, 'title', this.found.number, b.contentOffset)]
      }
      case 'scResolutionTitle': {
        this.i++
        this.found.kind = 'sc-resolution'
        this.found.organ = 'SC'
        this.found.number = `${b.match![1]}(${b.match![2]})`
        this.found.title = b.text
        // "Resolution 87 (1950) of 29 September 1950": the title dates the adoption.
        const date = this.lang.dates(b.text)[0]
        if (date) this.found.date ??= date.iso
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
        if (b.kind === 'statementTitle' && this.lang.grammar.presidentialStatement.title.test(b.text)) {
          this.found.kind = 'sc-presidential-statement'
          this.found.organ = 'SC'
        }
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
      const vote = this.lang.vote(b.text)
      if (date) this.found.date ??= date.iso
      if (meeting) this.found.meeting ??= Number(meeting[1])
      if (vote) this.found.vote ??= vote
    }
    return this.heading(b, 'adoptionNote')
  }

  /** component+ conclusions? — over the blocks up to `end`. */
  text(end: number, main: boolean): Part[] {
    const parts: Part[] = []
    const adopted = this.adoptedEnd(end)
    const closing = this.conclusionsStart(adopted)
    if (main) this.statementOpening()
    do parts.push(...this.component(this.nextPart(closing), main))
    while (this.i < closing)
    const conclusions = this.conclusions(adopted, main)
    if (conclusions) parts.push(conclusions)
    // After the adoption line: a decision the organ appended later, a web page's links; not the text's own paragraphs.
    const after: Paragraph[] = []
    while (this.i < end) after.push(this.paragraph(this.blocks[this.i++]!, 'text'))
    if (after.length) parts.push({ type: 'body', children: after, position: this.span(after) })
    return parts
  }

  /**
   * Where the text's own blocks end: after its adoption line ("Adopted unanimously at the 42nd
   * meeting.", "第四十二次會議一致通過") when more follows it that is not a further part of the
   * resolution (its own formula), else at `end`.
   */
  private adoptedEnd(end: number): number {
    let begun = false
    for (let k = this.i; k < end; k++) {
      const b = this.blocks[k]!
      if (b.kind === 'formula' || b.kind === 'numbered') begun = true
      else if (begun && ADOPTION_KINDS.has(b.kind) && b.kind !== 'dateLine') {
        if (this.blocks.slice(k + 1, end).some((later) => later.kind === 'formula')) return end
        while (k < end && ADOPTION_KINDS.has(this.blocks[k]!.kind)) k++
        return k
      }
    }
    return end
  }

  /** A part of a resolution in parts starts at its letter over its own formula ("B" / "大会，"). */
  private isPartStart(k: number): boolean {
    return this.blocks[k]?.kind === 'partHeading' && this.blocks[k + 1]?.kind === 'formula'
  }

  private nextPart(end: number): number {
    for (let k = this.i + 1; k < end; k++) if (this.isPartStart(k)) return k
    return end
  }

  /** partHeading? preamble? body? — one part of a resolution in parts, or the whole text. */
  private component(end: number, main: boolean): Part[] {
    const parts: Part[] = []
    const preambleChildren: (Heading | Formula | Paragraph)[] = []
    if (this.isPartStart(this.i)) {
      const b = this.blocks[this.i++]!
      preambleChildren.push(this.heading(b, 'section', b.match![1]!))
    }
    const formulaAt = this.formulaAhead(end)
    let formula: Formula | null = null
    // A formula run into its verb and not followed by numbered paragraphs is the first operative paragraph.
    let fused: Classified | null = null
    if (formulaAt !== -1) {
      const isFused = this.blocks[formulaAt]!.kind === 'fusedFormula'
      while (this.i < formulaAt) preambleChildren.push(this.paragraph(this.blocks[this.i++]!, 'preambular'))
      const next = this.blocks[formulaAt + 1]
      if (isFused && !(next?.kind === 'numbered' && next.level === 1)) fused = this.peek!
      else {
        formula = this.formula()
        preambleChildren.push(formula!)
      }
    }
    const preambleEnd = this.preambleEnd(end, formula !== null || fused !== null)
    // The operative verb on a line of its own over numbered paragraphs ("Resolves:", "爰議決:") enacts them: a formula.
    const enactingWords = formula !== null && this.introducesNumbered(preambleEnd)
    while (this.i < preambleEnd - (enactingWords ? 1 : 0)) preambleChildren.push(this.paragraph(this.blocks[this.i++]!, formula ? 'preambular' : 'text'))
    if (enactingWords) preambleChildren.push(this.formulaOf(this.blocks[this.i++]!))
    if (preambleChildren.length) parts.push({ type: 'preamble', children: preambleChildren, position: this.span(preambleChildren) })
    if (main && (formula || fused)) this.found.kind ??= this.formulaKind(formula ? this.plain(formula) : fused!.text)
    const bodyChildren: (Heading | Paragraph)[] = []
    // Numbered paragraphs are operative after an enacting formula or a preamble that ends "…如下：";
    // in reports and other texts they are plain numbered paragraphs.
    const lastPreamble = preambleChildren[preambleChildren.length - 1]
    const enacted = formula !== null || fused !== null || (lastPreamble !== undefined && lastPreamble.type !== 'heading' && this.lang.grammar.preambleEnd.test(this.plain(lastPreamble)))
    const role: Paragraph['role'] = enacted ? 'operative' : 'text'
    const letters = new LetterSequence()
    // Under an unnumbered operative clause that ends "如下：" (as follows), up to the next numbered paragraph: what it introduces.
    let introduced = false
    while (this.i < end) {
      const b = this.blocks[this.i++]!
      if (b.kind === 'numbered' && b.level === 1) introduced = false
      // "一、决定……" in a resolution is its first paragraph, not a chapter.
      if (b.kind === 'chapter' && enacted) bodyChildren.push(this.numbered({ ...b, kind: 'numbered', level: 1 }, letters, role))
      else if (b.kind === 'chapter') {
        bodyChildren.push(this.heading(b, 'chapter', b.number, b.contentOffset))
        this.found.kind ??= 'report'
      } else if (b.kind === 'section') bodyChildren.push(this.heading(b, 'section', b.number, b.contentOffset))
      else if (b.kind === 'numbered') bodyChildren.push(this.numbered(b, letters, role))
      // A line that ends no clause is no operative paragraph: a heading over a group of them, a web page's links under the text.
      else if (role === 'operative' && (introduced || !endsClause(withoutRefs(b.text), this.lang.clauseMarks))) bodyChildren.push(this.paragraph(b, 'text'))
      else {
        bodyChildren.push(this.paragraph(b, role))
        // An operative clause with no number leads into the lettered items after it: one paragraph, as the UN numbers it.
        if (enacted) letters.reset()
        // Not a formula run into its verb ("大会建议如下："): the paragraphs under it are its operative ones.
        introduced = enacted && b.kind === 'text' && this.lang.grammar.preambleEnd.test(withoutRefs(b.text))
      }
    }
    if (bodyChildren.length) parts.push({ type: 'body', children: bodyChildren, position: this.span(bodyChildren) })
    return parts
  }

  /**
   * Where the formula is: next, or after preambular paragraphs of its own ("查……，" / "因此，安全理事会，");
   * -1 when there is none before the first numbered paragraph.
   */
  private formulaAhead(end: number): number {
    for (let k = this.i; k < end; k++) {
      const b = this.blocks[k]!
      if (b.kind === 'formula') return k
      if (b.kind !== 'text' || !this.lang.grammar.preambularEnd.test(withoutRefs(b.text))) return this.fusedFormulaAhead(end)
    }
    return this.fusedFormulaAhead(end)
  }

  /**
   * Where a formula run into its verb is, when no formula stands apart: after unnumbered
   * paragraphs only, which are its preamble however they end (1946 texts close them with ".").
   */
  private fusedFormulaAhead(end: number, from = this.i): number {
    for (let k = from; k < end; k++) {
      const b = this.blocks[k]!
      if (b.kind === 'fusedFormula') return k
      if (b.kind !== 'text') return -1
    }
    return -1
  }

  /**
   * Above a formula run into its verb, a compilation's heading of the resolution, numbered or not
   * ("四 非政府组织代表出席……", "五.召開國際法院之必需步驟"): its title.
   */
  private compilationTitle(): Heading[] | null {
    const b = this.peek
    if (!b || !this.isCompilationHeading(b) || this.fusedFormulaAhead(this.blocks.length, this.i + 1) === -1) return null
    this.i++
    this.found.title ??= b.text
    return [this.heading(b, 'title')]
  }

  /** A compilation's heading of one resolution, numbered or not ("五.召開國際法院之必需步驟"): short, and ending no clause. */
  private isCompilationHeading(b: Classified): boolean {
    return ['text', 'numbered', 'chapter'].includes(b.kind) && b.text.length <= this.lang.grammar.titleLength && !endsClause(b.text, this.lang.clauseMarks)
  }

  /**
   * Where the preamble ends: at the first numbered paragraph (or chapter); where no paragraph is
   * numbered, after an enacting formula, at the first paragraph that does not end as a preambular
   * clause does, or opens as only an operative one does ("兹决定……，"): early resolutions, whose
   * operative paragraphs are not numbered.
   */
  private preambleEnd(end: number, formula: boolean): number {
    const numbered = (levelOne: boolean) =>
      this.blocks.findIndex((b, n) => n >= this.i && n < end && ((b.kind === 'numbered' && (!levelOne || b.level === 1)) || b.kind === 'chapter' || b.kind === 'section'))
    if (!formula) {
      const first = numbered(false)
      return first === -1 ? this.i : first
    }
    const first = numbered(true)
    if (first !== -1) return first
    // Lettered paragraphs with no number above them end the preamble too: they are the items of
    // the unnumbered operative clause that leads into them ("Decides: (a) …; (b) …", "大会建议：
    // (甲)……(乙)……"), or, with no such clause, the operative paragraphs themselves.
    const lettered = numbered(false)
    const preambular = (k: number) => {
      const b = this.blocks[k]!
      return b.kind === 'text' && this.lang.grammar.preambularEnd.test(withoutRefs(b.text)) && !this.lang.grammar.enactingOpening?.test(b.text)
    }
    let k = this.i
    if (lettered !== -1) {
      // The clauses right above the letters that do not end as preambular ones lead into them.
      for (k = lettered; k > this.i && !preambular(k - 1);) k--
      return k
    }
    while (k < end && preambular(k)) k++
    return k
  }

  /** Whether a clause introduces a list: it ends in "：", or in ":" where a source mixes in Latin marks ("爰議決:"). */
  private introduces(text: string): boolean {
    const last = withoutRefs(text).at(-1)
    return last !== undefined && this.lang.clauseMarks.introducing.includes(last)
  }

  /** Whether the block before `k`, a numbered paragraph, is the operative verb alone introducing it ("Resolves:", "爰議決:"). */
  private introducesNumbered(k: number): boolean {
    const lead = this.blocks[k - 1]
    const first = this.blocks[k]
    return k > this.i && lead!.kind === 'text' && lead!.text.length <= ENACTING_WORDS_LENGTH && this.introduces(lead!.text) && first?.kind === 'numbered' && first.level === 1
  }

  /** A statement by the President of the Security Council, told by its opening paragraph: its date and meeting. */
  private statementOpening(): void {
    const b = this.peek
    if (!b || b.kind !== 'statementOpening') return
    this.found.kind ??= 'sc-presidential-statement'
    this.found.organ ??= 'SC'
    const date = this.lang.dates(b.text)[0]
    const meeting = this.lang.grammar.meetingInNote.exec(b.text)
    if (date) this.found.date ??= date.iso
    if (meeting) this.found.meeting ??= Number(meeting[1])
  }

  /** The kind and organ a formula (set apart or run into its verb) names. */
  private formulaKind(text: string): Kind {
    const g = this.lang.grammar
    const f = g.formula.find((x) => x.pattern.test(text)) ?? g.fusedFormula!.find((x) => x.pattern.test(text))!
    this.found.organ ??= f.organ
    const n = this.found.number ? Number(this.found.number.split('/')[1]) : NaN
    // The General Assembly numbers its decisions from 401 in each session's series.
    if (f.organ === 'GA' && n >= 401) return 'ga-decision'
    return f.kind
  }

  private formula(): Formula | null {
    const b = this.peek
    if (!b || (b.kind !== 'formula' && b.kind !== 'fusedFormula')) return null
    this.i++
    return this.formulaOf(b)
  }

  private formulaOf(b: Classified): Formula {
    return { type: 'formula', children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) }
  }

  /** Where the closing blocks (signature, dates, meeting, place) start, looking back from `end`. */
  private conclusionsStart(end: number): number {
    let k = end
    while (k > this.i && ADOPTION_KINDS.has(this.blocks[k - 1]!.kind)) k--
    if (k > this.i && this.blocks[k - 1]!.kind === 'signed') {
      k--
      const fn = this.blocks[k - 1]
      if (k > this.i && fn && fn.kind === 'text' && fn.text.length <= 30 && !endsClause(fn.text, this.lang.clauseMarks)) k--
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
        lines.push({
          type: 'signatureLine',
          role: signed ? 'name' : 'function',
          ...(signed ? { signed: true } : {}),
          children: this.pos.inlines(b.start, b.end),
          position: this.pos.of(b.start, b.end)
        })
        if (signed) {
          children.push({ type: 'signature', children: [...lines], position: this.span(lines) })
          lines.length = 0
        }
        continue
      }
      const date = this.lang.dates(b.text)[0]?.iso
      const base = { type: 'adoption' as const, children: this.pos.inlines(b.start, b.end), position: this.pos.of(b.start, b.end) }
      const vote = b.kind === 'meeting' || b.kind === 'voteLine' || b.kind === 'adoptionNote' ? this.voteOf(b.text) : null
      if (main && vote) this.found.vote ??= vote
      // "Adopted by the Security Council at its 4044th meeting, on 13 September 1999." closing a text names its meeting in a note's words.
      const printed = b.kind === 'meeting' ? b.match![1] : b.kind === 'adoptionNote' ? this.lang.grammar.meetingInNote.exec(b.text)?.[1] : undefined
      const meeting = printed !== undefined ? this.lang.numeral(printed) : null
      if ((b.kind === 'meeting' || b.kind === 'adoptionNote') && meeting) {
        if (main) {
          this.found.meeting ??= meeting
          // "一九四六年二月十四日,第三十一次全会."
          if (date) this.found.date = date
        }
        children.push({ ...base, role: 'meeting', ...(date ? { date } : {}), meeting, ...(vote ? { vote } : {}) })
      } else if (b.kind === 'voteLine') {
        children.push({ ...base, role: 'vote', ...(vote ? { vote } : {}) })
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

  /** The vote an adoption line states, or else the one its footnote states ("第八十次會議通過。[^25]" over "25 未舉行表決。"). */
  private voteOf(line: string): Vote | null {
    const stated = this.lang.vote(line)
    if (stated) return stated
    for (const ref of line.matchAll(FOOTNOTE_REFERENCE)) {
      const note = this.notes.get(ref[1]!)
      const vote = note === undefined ? null : this.lang.vote(note)
      if (vote) return vote
    }
    return null
  }

  attachment(): Attachment {
    const b = this.blocks[this.i++]!
    const headings: Heading[] = [this.heading(b, 'annexHeading')]
    const end = this.nextIndex('annexHeading')
    // The annex's own title: a short line that is not yet its text.
    const t = this.peek
    if (
      t &&
      this.i < end &&
      (t.kind === 'text' || t.kind === 'resolutionTitle' || t.kind === 'letterTitle' || t.kind === 'statementTitle') &&
      t.text.length <= this.lang.grammar.titleLength &&
      !endsClause(t.text, this.lang.clauseMarks)
    ) {
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
      // Letters with no paragraph above them (right under the formula or the preamble) are the part's own paragraphs.
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

const FOOTNOTE_REFERENCE = /\[\^([^\]\s]+)\]/g

function withoutRefs(text: string): string {
  return text.replace(FOOTNOTE_REFERENCE, '').trimEnd()
}

/** The longest the operative verb alone runs ("Resolves that:", "Recommends as follows:"). */
const ENACTING_WORDS_LENGTH = 40

/** The blocks that close a text: its adoption line, vote, date, place and date. */
const ADOPTION_KINDS: ReadonlySet<Classified['kind']> = new Set(['dateLine', 'meeting', 'voteLine', 'placeAndDate', 'adoptionNote'])

const HEADER_KINDS: ReadonlySet<Classified['kind']> = new Set(['resolutionHeader', 'basis', 'resolutionTitle', 'scResolutionTitle', 'letterTitle', 'noteVerbaleTitle', 'statementTitle'])

const TITLE_KINDS: Partial<Record<Classified['kind'], Kind>> = {
  letterTitle: 'letter',
  noteVerbaleTitle: 'note-verbale',
  statementTitle: 'statement',
  reportTitle: 'report'
}

/** Tracks subparagraph letters (a), (b)… to tell the letter (i) from the roman numeral (i). */
class LetterSequence {
  private last = ''
  /** Whether a paragraph has been seen (numbered, or an operative clause with no number), which letters after it are the items of. */
  underNumber = false
  get open(): boolean {
    return this.last !== ''
  }
  /** At a numbered paragraph, or an operative clause without a number (which may lead into a list): its letters start again. */
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
