import type { Kind } from '../types/document.js'

/** A date as written in a text, with the span it was read from. */
export interface DateMatch {
  readonly iso: string
  readonly index: number
  readonly length: number
}

/**
 * What a language contributes to the pipeline. The core (normalization, structure, lint) knows
 * only this interface; every word, numeral and phrase of a language lives in its profile.
 */
export interface LanguageProfile {
  /** BCP 47 tag written into the metadata. */
  readonly tag: string
  /** A masthead or page-furniture line that carries no text of the document (e.g. "请回收", "联合国"). */
  readonly furniture: readonly { readonly pattern: RegExp; readonly reason: string; readonly headOnly: boolean }[]
  /** Masthead lines whose content is lifted into metadata. */
  readonly mastheadMeta: readonly { readonly pattern: RegExp; readonly field: 'originalLanguage' | 'distribution' }[]
  /** Paragraph or heading numbers that start a block at the beginning of a line. */
  readonly blockNumber: RegExp
  /** Parses the dates in a string, in order. */
  dates(text: string): DateMatch[]
  /** The value of a numeral written the language's way ("六十五" → 65), or null. */
  numeral(text: string): number | null
  readonly grammar: GrammarWords
  readonly citations: CitationWords
  readonly punctuation: PunctuationWords
  readonly typesetting: Typesetting
}

/** What the lint rules know of a language's punctuation: its pairs, clause endings and sentences. */
export interface PunctuationWords {
  /** Opening and closing marks that must balance and nest within a block: ["《", "》"]. */
  readonly pairs: readonly (readonly [string, string])[]
  /**
   * Opening quotation marks of a quotation that runs over several paragraphs: each paragraph
   * opens it again and only the last closes it.
   */
  readonly continuedQuotes: readonly string[]
  /** The marks that end the clauses of a resolution. */
  readonly clauseEndings: {
    /** A preambular paragraph: "，". */
    readonly preambular: readonly string[]
    /** An operative paragraph that is not the last: "；". */
    readonly operative: readonly string[]
    /** The last operative paragraph: "。". */
    readonly last: readonly string[]
    /** A paragraph that introduces subparagraphs: "：". */
    readonly introducing: readonly string[]
  }
  /** Marks that close a sentence or one of its clauses, for rules that read sentence by sentence: "。；". */
  readonly sentenceEnds: readonly string[]
  /** The language's own form of each ASCII mark that must not stand between two of its characters: "," → "，". */
  readonly fullwidth: Readonly<Record<string, string>>
}

/**
 * How the language is set in type (the PDF writer): its line-breaking rules and the words and
 * numbers a printed edition adds around the text.
 */
export interface Typesetting {
  /** Characters no line may start with (W3C clreq: stops, closing brackets and quotes, interpunct). */
  readonly noLineStart: string
  /** Characters no line may end with (opening brackets and quotes). */
  readonly noLineEnd: string
  /** Characters set in pairs that are never split across lines, a pair two ems wide ("——", "……"). */
  readonly unbreakablePairs: string
  /**
   * Where a Latin word in the text may be hyphenated, as offsets into it (by the TeX patterns of
   * the language its Latin words are in).
   */
  hyphenate(word: string): readonly number[]
  /** Full-width marks whose glyph fills the first half of the em (stops, closing marks): the second half may be taken out. */
  readonly blankAfter: string
  /** Full-width marks whose glyph fills the second half of the em (opening marks): the first half may be taken out. */
  readonly blankBefore: string
  /** A date as printed in a masthead ("2013年5月17日"). */
  date(iso: string): string
  /** The session line of a masthead ("第六十七届会议"). */
  session(n: number): string
  /** The agenda item line of a masthead ("议程项目122(s)"). */
  agendaItem(number: string): string
  /** The Organization's name at the head of a masthead. */
  readonly organization: string
  /** The organ's name set large in a masthead. */
  readonly organs: Readonly<Record<'GA' | 'SC' | 'ECOSOC' | 'HRC', string>>
  /** Label of the distribution line ("Distr.: "). */
  readonly distribution: string
  /** Headings an edition adds: its table of contents and its index of cited resolutions. */
  readonly contents: string
  readonly citedIndex: string
}

/**
 * The patterns of citations in a language, as regular-expression sources (no named groups, no
 * flags): the crossref tokenizer joins them into one pass over the text and reads their groups.
 */
export interface CitationWords {
  /** A date: groups year, month, day (optional), then a tail of further days ("至30日", "和8日"). */
  readonly date: string
  /** The separator inside a date tail: a range ("至") or a list ("和"). Group 1 the word, 2 the day. */
  readonly dateTail: string
  /** Words of a date tail that make it a range rather than a list. */
  readonly rangeWords: readonly string[]
  /** A numbered reference "第37/4号": group 1 the number (37/4, 3369(XXX), 242(1967)). */
  readonly numbered: string
  /** The word closing a list of numbered references: a resolution or a decision. */
  readonly resolutionWord: string
  readonly decisionWord: string
  /** Separators inside a list of references. */
  readonly separator: string
  /** A meeting: group 1 its number. */
  readonly meeting: string
  /** A session of an organ: group 1 the organ's name, group 2 the numeral. */
  readonly session: string
  /** The organs a session belongs to, by their name in group 1 of `session`. */
  readonly organs: Readonly<Record<string, 'GA' | 'SC' | 'ECOSOC' | 'HRC'>>
  /** An agenda item: group 1 its number. */
  readonly agendaItem: string
  /** A paragraph of this text: group 1 "above/below", group 2 the number, group 3 a subparagraph letter. */
  readonly paragraph: string
  /** A reference to this text's annex. */
  readonly annex: string
  /** A named instrument in title quotes: group 1 its name. */
  readonly instrument: string
  /** Words between a resolution and an instrument it adopted: "…号决议通过的《…》". */
  readonly adoptedBy: string
}

/** The phrases by which the document grammar recognises the parts of a text. */
export interface GrammarWords {
  /** Enacting formula of a resolution or decision, naming the organ: "大会，". */
  readonly formula: readonly { readonly pattern: RegExp; readonly organ: 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'other'; readonly kind: Kind }[]
  /** Title with the document's own number: "67/264. 联合国同…". Group 1 is the number, 2 the title. */
  readonly resolutionTitle: RegExp
  /** Title of a Security Council resolution: "第1624(2005)号决议". Group 1 the number, 2 the year. */
  readonly scResolutionTitle: RegExp
  /** Title of a report: "秘书长的报告". */
  readonly reportTitle: RegExp
  /** Title of a statement: "安全理事会主席的声明". */
  readonly statementTitle: RegExp
  /** Plenary or Council meeting named in an adoption note: "第5261次会议". Group 1 is the number. */
  readonly meetingInNote: RegExp
  /** Session line: "第六十五届会议". Group 1 is the numeral. */
  readonly session: RegExp
  /** Agenda item line: "议程项目 122(s)". Group 1 is the item number. */
  readonly agendaItem: RegExp
  /** Title of a letter or note: "…给秘书长的信", "…的普通照会". */
  readonly letterTitle: RegExp
  readonly noteVerbaleTitle: RegExp
  /** Heading of an annex: "附件", "…的附件". */
  readonly annexHeading: RegExp
  /** A note saying who adopted a text, under an annex title: "…通过". */
  readonly adoptionNote: RegExp
  /** Signature mark kept in the name line: "(签名)". */
  readonly signedMark: RegExp
  /** Plenary meeting line: "第 82 次全体会议". Group 1 is the number. */
  readonly meeting: RegExp
  /** Place and date line closing a declaration: "2011年6月30日订于阿斯塔纳". Group 1 is the place. */
  readonly placeAndDate: RegExp
  /** A line that is only a date. */
  readonly dateLine: RegExp
  /** A paragraph that closes a declaration's preamble and opens its numbered paragraphs: "…如下：". */
  readonly preambleEnd: RegExp
  /** Chapter and section headings of reports: "一、…", "A. …". Group 1 is the number. */
  readonly chapterHeading: RegExp
  readonly sectionHeading: RegExp
  /** Numbered paragraph: group 1 the number, group 2 the level marker kind. */
  readonly paragraphNumber: readonly { readonly pattern: RegExp; readonly level: number }[]
}
