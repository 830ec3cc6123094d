import type { CalendarDay } from '../core/calendar-day.js'
import type { CitationKind, HeadingRole, Kind, Vote } from '../types/document.js'

/** A date as written in a text, with the span it was read from. */
export interface DateMatch {
  readonly iso: string
  readonly index: number
  readonly length: number
}

/** A cited date's value, and its last day, which a date after it may leave its year or month to. */
export interface CitedDate {
  readonly iso: string
  /** Absent for a month ("2012-06"), and for a date with a day not in the calendar, which no later date borrows from. */
  readonly last?: CalendarDay
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
  /**
   * The space between two paragraphs run in on one line (a whole text on one line, as some web
   * pages give it): after a clause's end, around a bracketed line, before a title's number or a formula.
   */
  readonly runInBreak: RegExp
  /** Paragraph or heading numbers that start a block at the beginning of a line. */
  readonly blockNumber: RegExp
  /**
   * Whether a line runs on into the next whatever the measure, where the script tells it: an
   * English line that starts with a small letter, or one that stops on a small word ("of", "and")
   * with no stop after it. Absent where the script has no cases (Chinese).
   */
  runsOn?(line: string, next: string): boolean
  /**
   * The words a resolution's unnumbered paragraph opens with, where the language sets them apart
   * (English participles and adjectives: "Recalling", "Noting also", "Deeply concerned"): a line
   * that opens with one under a line that ends a clause starts a paragraph, however full that line.
   * Absent where a line's first words tell nothing (Chinese, whose clauses a comma ends inside a line too).
   */
  readonly clauseOpening?: RegExp
  /** Parses the dates in a string, in order. */
  dates(text: string): DateMatch[]
  /** The value of a numeral written the language's way ("六十五" → 65), or null. */
  numeral(text: string): number | null
  /**
   * The value of a date the citation finder found (a whole match of `citations.date`) in ISO 8601:
   * a day, a month ("2012-06"), a range "start/end" or a list of days joined by ","; a year or a
   * month written once for several days is given to each. A date that leaves out its year (or
   * month) takes it from `before`, the last day of the date just before it in a list, and is no
   * date without one (null).
   */
  citationDate(text: string, before?: CalendarDay): CitedDate | null
  /** The vote an adoption line states ("以十三票对零票、两票弃权通过", "一致通过"), or null. */
  vote(text: string): Vote | null
  /** What makes a number glued to a word a count or an ordinal ("12年", "第12"), never a footnote marker: the text after it, before it. */
  readonly countWords: { readonly after: RegExp; readonly before: RegExp }
  /** How a text set without a footnote rule (a web edition, an older conversion) marks its footnotes. */
  readonly footnoteMarks: FootnoteMarks
  /**
   * Rules (by id) the language turns on or off over the rule's own default: a rule about one
   * script, such as han-spacing, is off until a language written in that script turns it on.
   */
  readonly rules: Readonly<Record<string, boolean>>
  readonly clauseMarks: ClauseMarks
  /** What a web edition (Wikisource and the like) puts around a document's text. */
  readonly web: WebFurniture
  readonly grammar: GrammarWords
  readonly citations: CitationWords
  readonly punctuation: PunctuationWords
  readonly typesetting: Typesetting
}

/** The marks by which a line is seen to end a clause (a wrapped line does not): the structure and normalization read them. */
export interface ClauseMarks {
  /** Punctuation a clause or a paragraph may end with: "。；：，！？", and the Latin marks a text of the language may use. */
  readonly final: string
  /** Closing quotes and brackets that may follow it: "”）》". */
  readonly closers: string
  /** The final marks by which a line leads into what follows it, a list or the rest of a title: "：:". */
  readonly introducing: string
}

/** The signs of footnotes set without a rule, which the footnote-markers rule reads. */
export interface FootnoteMarks {
  /** Punctuation a footnote number may be glued to, as to a Han character ("报告，1", "Secretary-General;3"). */
  readonly gluedAfter: string
  /** The word a footnote is labelled with in brackets in place of a number ("(注)大会……"), where the language has one. */
  readonly noteWord?: string
}

/** Lines of a web page that are not the document: the site's name and navigation, its licence notice. */
export interface WebFurniture {
  /** Lines that say a text comes from a web page (its site's name): seeing one makes the text a web edition. */
  readonly site: readonly { readonly pattern: RegExp; readonly reason: string }[]
  /** Other lines of the page around the text, furniture only in a web edition. */
  readonly page: readonly { readonly pattern: RegExp; readonly reason: string }[]
  /** The page's own title above the text ("联合国安理会第2446号决议"): furniture while no text has come. */
  readonly pageTitle: RegExp
  /** The first line of the site's licence notice under the text: it and every line after it are furniture. */
  readonly licence: RegExp
  /**
   * The documents a page's title or navigation names in words ("联合国安理会主席声明1998年第1号",
   * "聯合國大會決議案二十一(一)"), as canonical symbols in order; a Security Council resolution named
   * without its year is "S/RES/1263", which the page's navigation may complete. Absent for a
   * language whose pages name no documents this way.
   */
  readonly pageSymbols?: (line: string) => string[]
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
  /** The faces the language is set in, and its body size. */
  readonly fonts: Fonts
  /** How each kind of heading is set: its face, size and alignment. */
  readonly headings: Readonly<Record<HeadingRole, HeadingStyle>>
  /** Footnotes: their size and line height (a multiple of it). */
  readonly notes: { readonly size: number; readonly leading: number }
  /**
   * The words a paragraph opens with that the language sets in the emphasis face, as the UN's
   * English editions set the formula ("The General Assembly,") and the verb of each preambular and
   * operative paragraph ("Recalling also", "Decides"): group 1 of a pattern (compiled with the `d`
   * flag) is the stretch set so. Absent where a language emphasizes none (Chinese).
   */
  readonly openingWords?: { readonly formula: RegExp; readonly preambular: RegExp; readonly operative: RegExp }
  /** Citations of these kinds are set in the emphasis face (the titles of instruments, in English). */
  readonly emphasizedCitations: readonly CitationKind[]
  /** How a line is brought to its measure. */
  readonly justification: Justification
  /**
   * Marks Unicode shares with the Latin script that the language sets one em wide, like its own
   * full-width punctuation (Chinese "—…“”‘’·", English none): a line break beside one is taken out
   * with no space put in its place, and one counts two columns when a line's width is measured.
   */
  readonly widePunctuation: string
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
  /** The recycling note at the foot of a first page, right ("Please recycle"). */
  readonly recycle: string
  /** Headings an edition adds: its table of contents and its index of cited resolutions. */
  readonly contents: string
  /** The space between a document's symbol and its title (and between its titles) on a line of the contents. */
  readonly contentsSpace: string
  readonly citedIndex: string
}

/** A font file an npm package ships: the package's name and the file's path inside it. */
export interface FontFile {
  readonly package: string
  readonly path: string
}

/**
 * The role a stretch of text plays, which picks its face: running text, headings and the
 * masthead, or words set apart from the running text (an italic).
 */
export type FaceRole = 'body' | 'heading' | 'emphasis'

/** How one kind of heading is set. */
export interface HeadingStyle {
  readonly face: FaceRole
  readonly size: number
  readonly align: 'left' | 'center'
  /** Line height as a multiple of its size; absent, the running text's. */
  readonly leading?: number
  /** The heading's number hangs before its text, every line of which starts after it ("67/264." over nothing). */
  readonly hangingNumber?: boolean
}

/** The faces of a printed edition in a language, by role, and the size of its running text. */
export interface Fonts {
  readonly body: FontFile
  readonly heading: FontFile
  /** The face of emphasized words; absent where the script has none (Chinese): they are set in the body face. */
  readonly emphasis?: FontFile
  /** Faces tried in turn for a character neither role's face has (a Chinese name in an English text). */
  readonly fallback: readonly FontFile[]
  /** Size of the running text, in points. */
  readonly bodySize: number
  /** Line height of the running text, as a multiple of its size. */
  readonly leading: number
}

/**
 * What the spaces of a justified line may give and take (TeX's glue), in ems of their type. A
 * Latin text is justified by its word spaces alone; Chinese also by the gaps between Han and
 * Latin and, last, between characters.
 */
export interface Justification {
  /** A word space: the part of its width it may give up, and what it may take in ems. */
  readonly space: { readonly shrink: number; readonly stretch: number }
  /** Space between a Han character and a Latin letter or digit (clreq 3.2), or none. */
  readonly hanLatin?: { readonly natural: number; readonly shrink: number; readonly stretch: number }
  /** Space that may be added between characters once spaces and gaps are full, or none: a Latin word's letters are never spaced out. */
  readonly tracking?: number
}

/**
 * The patterns of citations in a language, as regular-expression sources (no named groups, no
 * flags): the crossref tokenizer joins them into one pass over the text and reads their groups.
 */
export interface CitationWords {
  /**
   * A date as the language writes it in a citation: a day, a month, several days or a range
   * ("2005年12月7日和8日", "7 and 8 December 2005"), and where the language leaves them out, a date
   * without the year or month the date before it in a list gives ("十月二十五日"). Its value is
   * read by `citationDate`.
   */
  readonly date: string
  /**
   * The number of a resolution or decision, no groups: "37/4", "3369(XXX)", "242(1967)", and as
   * older texts write it "三九六(五)" (a session in the language's numerals).
   */
  readonly number: string
  /**
   * References by number, one or a run of them under one ordinal ("第37/4号", "第2121(2013)、
   * 2127(2013)和2399(2018)号"), or a `number` alone where the language writes no ordinal. Each
   * `number` in it is one reference.
   */
  readonly numbered: string
  /**
   * The word of a list of numbered references, a resolution or a decision ("决议", "resolutions "),
   * with the white space between it and the numbers.
   */
  readonly resolutionWord: string
  readonly decisionWord: string
  /** Where that word stands: after the list ("第37/4号和第38/5号决议") or before it ("resolutions 37/4 and 38/5"). */
  readonly wordPosition: 'before' | 'after'
  /** Words that tie a date after a number to it (" of " in "37/4 of 22 October 1982"), where dates may follow numbers. */
  readonly dateLink?: string
  /**
   * Where lists have their word after them, a resolution named by a word before its number all
   * the same, as older texts write it: "决议案三九六(五)". Group 1 the number.
   */
  readonly resolutionWordFirst?: string
  /**
   * The name of a body other than the General Assembly that numbers its resolutions and decisions
   * as the Assembly does ("Human Rights Council resolution 31/1", "Economic and Social Council
   * resolution 1235 (XLII)"), written right before a list of references (and its word): the list
   * names none of the Assembly's. No groups.
   */
  readonly otherBody?: string
  /** Separators inside a list of references. */
  readonly separator: string
  /**
   * The word between the two ends of a range of references, no groups: "第731(1992)至748(1992)号",
   * "resolutions 1267 (1999) to 1989 (2011)", "paragraphs 3–5". Each end is a reference of its own,
   * marked as an end of the range.
   */
  readonly range: string
  /** A meeting: group 1 its number. */
  readonly meeting: string
  /** A session of an organ: group 1 the organ's name, group 2 the numeral. */
  readonly session: string
  /** The organs a session belongs to, by their name in group 1 of `session`. */
  readonly organs: Readonly<Record<string, 'GA' | 'SC' | 'ECOSOC' | 'HRC'>>
  /** An agenda item: group 1 its number. */
  readonly agendaItem: string
  /**
   * A paragraph of this text: group 1 the number, group 2 a subparagraph letter; or a range of
   * them, the number after the `range` word its last ("第3至5段", "paragraphs 3 to 5").
   */
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
  /**
   * The formula run into its verb, in early texts ("大会建议：", "因此大會訓令秘書長：", "大会授权秘书长……"):
   * the formula over numbered paragraphs after it, else an operative paragraph of its own. Absent
   * for a language whose texts always set the formula apart.
   */
  readonly fusedFormula?: GrammarWords['formula']
  /** The longest a title, heading or adoption note runs, in characters: what Chinese says in 80, English says in about 240. */
  readonly titleLength: number
  /** Title with the document's own number: "67/264. 联合国同…". Group 1 is the number, 2 the title. */
  readonly resolutionTitle: RegExp
  /** Title of a Security Council resolution: "第1624(2005)号决议". Group 1 the number, 2 the year. */
  readonly scResolutionTitle: RegExp
  /** Title of a report: "秘书长的报告". */
  readonly reportTitle: RegExp
  /** Title of a statement: "安全理事会主席的声明". */
  readonly statementTitle: RegExp
  /** A statement by the President of the Security Council: its title, and the paragraph that opens it ("…代表安理会发表如下声明："). */
  readonly presidentialStatement: { readonly title: RegExp; readonly opening: RegExp }
  /** The header over a newer resolution's title: "2016年12月19日大会通过的决议", "大会决议". */
  readonly resolutionHeader: RegExp
  /** The line saying on what a resolution was adopted, in brackets: "[根据第三委员会的报告(A/67/456)通过]". Group 1 its text. */
  readonly basis: RegExp
  /** The heading of one part of a resolution in parts: "A", "B."… Group 1 the letter. */
  readonly partHeading: RegExp
  /** How a preambular paragraph ends, so that an unnumbered operative part can be told from the preamble: "，", ",又". */
  readonly preambularEnd: RegExp
  /**
   * How an operative clause may open, whatever it ends with: "兹决定……" (hereby), which no
   * preambular clause says; an early text may end it with a comma. Absent where none is known.
   */
  readonly enactingOpening?: RegExp
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
  /**
   * The meeting line of an adoption: "第 82 次全体会议", "第一一七次會議一致通過。", with a date before it
   * ("一九四六年二月十四日,第三十一次全会."). Group 1 is the number, as written.
   */
  readonly meeting: RegExp
  /** A line that is only a vote: "以十三票对零票、两票弃权通过。". */
  readonly voteLine: RegExp
  /** Place and date line closing a declaration: "2011年6月30日订于阿斯塔纳". Group 1 is the place. */
  readonly placeAndDate: RegExp
  /** A line that is only a date. */
  readonly dateLine: RegExp
  /** A paragraph that closes a declaration's preamble and opens its numbered paragraphs: "…如下：". */
  readonly preambleEnd: RegExp
  /** Chapter and section headings of reports: "一、…", "A. …". Group 1 is the number. */
  readonly chapterHeading: RegExp
  readonly sectionHeading: RegExp
  /** Numbered paragraph: group 1 the number as printed ("1", "一", "a", "甲", "i"). */
  readonly paragraphNumber: readonly { readonly pattern: RegExp; readonly level: number }[]
}
