// Generated from schemas/document.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

/**
 * What sort of document the grammar recognised. 'unknown' documents are built as plain paragraphs.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Kind".
 */
export type Kind =
  | 'ga-resolution'
  | 'ga-decision'
  | 'sc-resolution'
  | 'sc-presidential-statement'
  | 'letter'
  | 'note-verbale'
  | 'report'
  | 'statement'
  | 'unknown'
/**
 * How a text was adopted: the votes cast, 'unanimous', or 'without-vote' (adopted without a vote, or by consensus).
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Vote".
 */
export type Vote =
  | {
      for: number
      against: number
      /**
       * 0 when the adoption line names none.
       */
      abstentions: number
    }
  | ('unanimous' | 'without-vote')
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Part".
 */
export type Part = Preface | Preamble | Body | Conclusions | Attachment | Footnotes
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "HeadingRole".
 */
export type HeadingRole =
  | 'session'
  | 'agendaItem'
  | 'agendaTitle'
  | 'title'
  | 'subtitle'
  | 'annexHeading'
  | 'adoptionNote'
  | 'basis'
  | 'chapter'
  | 'section'
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Inline".
 */
export type Inline = Text | FootnoteReference | Citation
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "CitationKind".
 */
export type CitationKind =
  | 'ga-resolution'
  | 'ga-decision'
  | 'sc-resolution'
  | 'document'
  | 'instrument'
  | 'meeting'
  | 'session'
  | 'agenda-item'
  | 'date'
  | 'organization'
  | 'footnote'
  | 'annex'
  | 'paragraph'
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Inlines".
 */
export type Inlines = Inline[]
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "ParagraphRole".
 */
export type ParagraphRole = 'preambular' | 'operative' | 'text'

/**
 * One UN document as undoc builds it: metadata, the structured tree (unist, every node positioned in the raw text) and the log of everything normalization removed from the raw text.
 */
export interface UndocDocument {
  /**
   * Version of undoc that built this document.
   */
  undoc: string
  source: Source
  metadata: Metadata
  tree: Root
  removals: Removal[]
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Source".
 */
export interface Source {
  /**
   * Path of the raw file as given on the command line, with / separators.
   */
  path: string
  /**
   * Output base name: the file name without its language and .txt/.md extensions.
   */
  name: string
  sha256: string
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030'
  bom: boolean
  lineEndings: 'lf' | 'crlf' | 'cr' | 'mixed' | 'none'
  format?: 'text' | 'markdown'
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Metadata".
 */
export interface Metadata {
  /**
   * The document's own UN symbol, e.g. A/RES/67/264.
   */
  symbol?: string
  /**
   * BCP 47 tag of the text, e.g. zh-Hans.
   */
  language: string
  kind: Kind
  title?: string
  /**
   * The document's own number as printed in its title, e.g. 67/264 or 1624 (2005).
   */
  number?: string
  organ?: 'GA' | 'SC' | 'ECOSOC' | 'HRC' | 'other'
  /**
   * ISO 8601 date of the document: adoption date of a resolution, date of a letter.
   */
  date?: string
  /**
   * Date of issue that a masthead or a web page's navigation gives, when it is not the date of the document (a statement issued days after the meeting that made it).
   */
  issued?: string
  session?: {
    number: number
    text?: string
  }
  agendaItem?: {
    number: string
    titles?: string[]
  }
  basis?: Basis
  /**
   * Number of the plenary meeting that adopted the text.
   */
  meeting?: number
  vote?: Vote
  place?: string
  originalLanguage?: string
  distribution?: string
  /**
   * The UN's job number of this language version, printed with its barcode line at the foot of the first page, e.g. 24-04567 (C).
   */
  jobNumber?: string
}
/**
 * The line under a resolution's header saying on what it was adopted: "[根据第三委员会的报告(A/67/456)通过]", "[未经发交主要委员会而通过(A/71/L.99)]", or the document it was issued in ("〔S/296〕").
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Basis".
 */
export interface Basis {
  /**
   * The line as printed, without its brackets.
   */
  text: string
  /**
   * The symbol it names, as printed (the citation in the tree resolves it).
   */
  symbol?: string
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Root".
 */
export interface Root {
  type: 'root'
  children: Part[]
  position: Position
}
/**
 * What stands before the text proper: session, agenda item and its titles, the document's title.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Preface".
 */
export interface Preface {
  type: 'preface'
  children: Heading[]
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Heading".
 */
export interface Heading {
  type: 'heading'
  role: HeadingRole
  /**
   * The heading's own number or letter ('一', 'A', '67/264'), as data rather than text.
   */
  number?: string
  /**
   * The number as printed before the text, with its punctuation and the space after it ('22. ', '(a) ', '一、', '67/264. '): writers print it as the source did.
   */
  marker?: string
  children: Inlines
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Text".
 */
export interface Text {
  type: 'text'
  value: string
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Position".
 */
export interface Position {
  start: Point
  end: Point
}
/**
 * A place in the raw text: 1-based line and column, 0-based offset in UTF-16 code units of the decoded text.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Point".
 */
export interface Point {
  line: number
  column: number
  offset: number
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "FootnoteReference".
 */
export interface FootnoteReference {
  type: 'footnoteReference'
  identifier: string
  label: string
  position: Position
}
/**
 * A reference found in the text, resolved where possible to a canonical UN symbol and a link. Its children are the text it covers (a dated resolution covers its date too: '1982年10月22日第37/4号'); citations do not nest: a resolution's adoption date is its `date`, not a citation inside it.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Citation".
 */
export interface Citation {
  type: 'citation'
  kind: CitationKind
  /**
   * Canonical UN symbol of the cited document, e.g. A/RES/37/4.
   */
  symbol?: string
  /**
   * The official address of the cited document in the document's language (the UN's symbol-based address).
   */
  href?: string
  /**
   * Output name of the cited document when it is in this corpus (writers link it in their own format: NAME.json, NAME.md); for internal references (kinds footnote, annex, paragraph), the id of the node cited in this document.
   */
  target?: string
  /**
   * ISO 8601: a date ('2011-06-30'), a month ('2012-06'), a range 'start/end' ('2011-06-28/2011-06-30'), or a list of dates joined by ',' ('2005-12-07,2005-12-08').
   */
  date?: string
  /**
   * Normalized value for kinds with no symbol: meeting or session number, organization id, instrument name.
   */
  value?: string
  /**
   * The citation is an end of a range of references ('第731(1992)至748(1992)号决议', 'paragraphs 3 to 5'): 'from' its first, 'upTo' its last, which is the next citation of the same kind after the range word.
   */
  range?: 'from' | 'upTo'
  children: Text[]
  position: Position
}
/**
 * The enacting formula ('大会，') and the preambular paragraphs; or the opening of a letter or declaration. In a resolution of parts (A, B, C…) each part opens with its own preamble, headed by the part's heading.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Preamble".
 */
export interface Preamble {
  type: 'preamble'
  children: (Heading | Formula | Paragraph)[]
  position: Position
}
/**
 * The enacting formula naming the organ: '大会，', '安全理事会，'.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Formula".
 */
export interface Formula {
  type: 'formula'
  children: Inlines
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Paragraph".
 */
export interface Paragraph {
  type: 'paragraph'
  /**
   * Id of the node within its document, for internal references: 'annex-1', 'para-7', 'annex-1-para-3', 'fn-1'.
   */
  id?: string
  role: ParagraphRole
  /**
   * The paragraph's number as printed ('7', 'a', 'ii'), as data: it is not repeated in the children.
   */
  number?: string
  /**
   * The number as printed before the text, with its punctuation and the space after it ('22. ', '(a) ', '一、', '67/264. '): writers print it as the source did.
   */
  marker?: string
  /**
   * 1 for a paragraph, 2 for a subparagraph (a), 3 for (i).
   */
  level?: number
  children: Inlines
  position: Position
}
/**
 * The operative part: numbered paragraphs, with headings where the document has chapters.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Body".
 */
export interface Body {
  type: 'body'
  children: (Heading | Paragraph)[]
  position: Position
}
/**
 * What closes a text: adoption block (date, meeting), place and date, signature.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Conclusions".
 */
export interface Conclusions {
  type: 'conclusions'
  children: (Adoption | Signature)[]
  position: Position
}
/**
 * A line of the closing block: adoption date, meeting (with the vote when the line gives it), place and date.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Adoption".
 */
export interface Adoption {
  type: 'adoption'
  role: 'date' | 'meeting' | 'placeAndDate' | 'vote'
  date?: string
  meeting?: number
  vote?: Vote
  place?: string
  children: Inlines
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Signature".
 */
export interface Signature {
  type: 'signature'
  children: SignatureLine[]
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "SignatureLine".
 */
export interface SignatureLine {
  type: 'signatureLine'
  role: 'function' | 'name'
  /**
   * The line carries the '(签名)' / '(Signed)' mark, kept in the text.
   */
  signed?: boolean
  children: Inlines
  position: Position
}
/**
 * An annex: its heading and title, then its own preamble, body and conclusions.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Attachment".
 */
export interface Attachment {
  type: 'attachment'
  /**
   * Id of the node within its document, for internal references: 'annex-1', 'para-7', 'annex-1-para-3', 'fn-1'.
   */
  id?: string
  children: (Preface | Preamble | Body | Conclusions)[]
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Footnotes".
 */
export interface Footnotes {
  type: 'footnotes'
  children: FootnoteDefinition[]
  position: Position
}
/**
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "FootnoteDefinition".
 */
export interface FootnoteDefinition {
  type: 'footnoteDefinition'
  /**
   * Id of the node within its document, for internal references: 'annex-1', 'para-7', 'annex-1-para-3', 'fn-1'.
   */
  id?: string
  identifier: string
  label: string
  children: Inlines
  position: Position
}
/**
 * A stretch of the raw text that is not in the canonical text as it stood: removed, or replaced by other characters.
 *
 * This interface was referenced by `UndocDocument`'s JSON-Schema
 * via the `definition` "Removal".
 */
export interface Removal {
  /**
   * Id of the normalization rule that made the edit.
   */
  rule: string
  reason: string
  /**
   * The raw characters that were removed or replaced.
   */
  text: string
  /**
   * What stands in the canonical text instead, when not nothing.
   */
  replacement?: string
  position: Position
}
