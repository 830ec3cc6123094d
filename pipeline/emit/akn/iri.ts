import type { Citation, Kind, Metadata, UndocDocument } from '../../types/document.js'

/**
 * Akoma Ntoso names of UN documents, per the AKN4UN guidelines (UN System Chief Executives
 * Board, part 1 §2.3 and part 2's document classes): IRIs of the form
 * /akn/un/{type}/{subtype}/{actor}/{date}/{number}, the Expression adding the language, the
 * Manifestation the format.
 */

/** The AKN document type and subtype of each kind of text, and its `name` (AKN4UN part 2). */
const DOCUMENT_TYPES: Readonly<Record<Kind, { readonly element: 'statement' | 'doc'; readonly subtype: string; readonly name: string }>> = {
  'ga-resolution': { element: 'statement', subtype: 'deliberation', name: 'resolution' },
  'sc-resolution': { element: 'statement', subtype: 'deliberation', name: 'resolution' },
  'ga-decision': { element: 'statement', subtype: 'deliberation', name: 'decision' },
  'sc-presidential-statement': { element: 'statement', subtype: 'deliberation', name: 'presidentialStatement' },
  statement: { element: 'statement', subtype: 'deliberation', name: 'statement' },
  letter: { element: 'doc', subtype: 'communication', name: 'letter' },
  'note-verbale': { element: 'doc', subtype: 'communication', name: 'noteVerbale' },
  report: { element: 'doc', subtype: 'report', name: 'report' },
  unknown: { element: 'doc', subtype: 'document', name: 'document' }
}

export function documentType(kind: Kind): (typeof DOCUMENT_TYPES)[Kind] {
  return DOCUMENT_TYPES[kind]
}

/** The emanating actor of an organ's texts: its eId among the references and its IRI segment. */
const ACTORS: Readonly<Record<string, string>> = { GA: 'un-ga', SC: 'un-sc', ECOSOC: 'un-ecosoc', HRC: 'un-hrc' }

export function actorOf(organ: Metadata['organ']): string | undefined {
  return organ === undefined ? undefined : ACTORS[organ]
}

/** ISO 639-2 codes of the UN's languages, which AKN IRIs and FRBRlanguage use, by BCP 47 primary subtag. */
const LANGUAGES: Readonly<Record<string, string>> = { zh: 'zho', en: 'eng', fr: 'fra', es: 'spa', ru: 'rus', ar: 'ara' }

export function languageCode(tag: string): string {
  const primary = tag.split('-')[0]!.toLowerCase()
  return LANGUAGES[primary] ?? primary
}

/**
 * The date FRBRdate and the IRI carry when undoc does not know a text's date: the schema wants
 * a date, and a real one would be a guess. FRBRdate names it "unknown".
 */
export const UNKNOWN_DATE = '0001-01-01'

/** A full ISO date (the schema's xsd:date), as opposed to a month, a range or a list. */
export function isFullDate(value: string | undefined): value is string {
  const m = value === undefined ? null : /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!m) return false
  // A day the calendar does not have ("2013-02-30", which date-valid reports) is no xs:date.
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A number or symbol as an IRI segment: lower case, its slashes, brackets and spaces as single '-'. */
export function iriNumber(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
}

/** The IRIs of a text at the three FRBR levels, and of one of its components ('main', 'annex_1'). */
/** An output name without its language suffix ("note-verbale.zh" → "note-verbale"): the IRI names the language once, in the Expression. */
function withoutLanguage(name: string, language: string): string {
  const suffix = `.${language.split('-')[0]!.toLowerCase()}`
  return name.endsWith(suffix) ? name.slice(0, -suffix.length) : name
}

export interface DocumentIris {
  readonly work: string
  readonly expression: string
  readonly manifestation: string
  /** The date in the IRI: the text's date, or UNKNOWN_DATE. */
  readonly date: string
  readonly component: (name: string) => { readonly work: string; readonly expression: string; readonly manifestation: string }
}

export function documentIris(doc: UndocDocument): DocumentIris {
  const { metadata } = doc
  const type = documentType(metadata.kind)
  const date = isFullDate(metadata.date) ? metadata.date : UNKNOWN_DATE
  const number = iriNumber(metadata.number ?? metadata.symbol ?? withoutLanguage(doc.source.name, metadata.language))
  const actor = actorOf(metadata.organ)
  const work = `/akn/un/${type.element}/${type.subtype}${actor ? `/${actor}` : ''}/${date}/${number}`
  const expression = `${work}/${languageCode(metadata.language)}@`
  const manifestation = `${expression}.akn`
  return {
    work,
    expression,
    manifestation,
    date,
    component: (name) => ({ work: `${work}/!${name}`, expression: `${expression}/!${name}`, manifestation: `${expression}/!${name}.akn` })
  }
}

/** The deliberative organ of a cited resolution or decision. */
const CITED_ACTORS: Partial<Record<Citation['kind'], string>> = { 'ga-resolution': 'un-ga', 'ga-decision': 'un-ga', 'sc-resolution': 'un-sc' }

/**
 * The Work IRI of a cited resolution or decision, when undoc knows its adoption date and number
 * (the IRI its own Akoma Ntoso edition has); otherwise undefined, and the citation keeps the
 * symbol's official address.
 */
export function citedWorkIri(citation: Citation): string | undefined {
  const actor = CITED_ACTORS[citation.kind]
  if (!actor || !isFullDate(citation.date) || citation.value === undefined) return undefined
  return `/akn/un/statement/deliberation/${actor}/${citation.date}/${iriNumber(citation.value)}`
}
