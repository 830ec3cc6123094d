import type { Element, ElementContent } from 'xast'
import { x } from 'xastscript'
import type { LanguageProfile } from '../../lang/profile.js'
import type { UndocDocument } from '../../types/document.js'
import { actorOf, documentType, languageCode, UNKNOWN_DATE, type DocumentIris } from './iri.js'

/** The people and roles of a text's signatures: TLCPerson and TLCRole of `meta`, by eId. */
export interface Signatories {
  readonly persons: Map<string, string>
  readonly roles: Map<string, string>
}

/** Who made the text: its organ, or the United Nations when undoc does not know the organ. */
export function authorOf(doc: UndocDocument): string {
  return actorOf(doc.metadata.organ) ?? 'un'
}

/** The ontology IRI of an organization (AKN naming convention: /akn/ontology/{class}/{country}/{id}). */
function organizationIri(id: string): string {
  return `/akn/ontology/organization/un/${id}`
}

/**
 * `identification` of the text or of one of its components: the three FRBR levels with their
 * IRIs, date, author, country `un` and language (AKN4UN part 1 §2.3).
 */
export function identification(doc: UndocDocument, iris: DocumentIris, component: string): Element {
  const { metadata } = doc
  const names = iris.component(component)
  const date = () => x('FRBRdate', { date: iris.date, name: iris.date === UNKNOWN_DATE ? 'unknown' : documentType(metadata.kind).element === 'statement' ? 'adoption' : 'issue' })
  const author = () => x('FRBRauthor', { href: `#${authorOf(doc)}` })
  const number = metadata.number ?? metadata.symbol
  return x(
    'identification',
    { source: '#undoc' },
    x('FRBRWork', [
      x('FRBRthis', { value: names.work }),
      x('FRBRuri', { value: iris.work }),
      metadata.symbol !== undefined ? x('FRBRalias', { value: metadata.symbol, name: 'symbol' }) : undefined,
      date(),
      author(),
      x('FRBRcountry', { value: 'un' }),
      number !== undefined ? x('FRBRnumber', { value: number }) : undefined,
      metadata.title !== undefined ? x('FRBRname', { value: metadata.title }) : undefined
    ]),
    x('FRBRExpression', [x('FRBRthis', { value: names.expression }), x('FRBRuri', { value: iris.expression }), date(), author(), x('FRBRlanguage', { language: languageCode(metadata.language) })]),
    x('FRBRManifestation', [
      x('FRBRthis', { value: names.manifestation }),
      x('FRBRuri', { value: iris.manifestation }),
      date(),
      x('FRBRauthor', { href: '#undoc' }),
      x('FRBRformat', { value: 'application/akn+xml' })
    ])
  )
}

/**
 * The `meta` of the text: identification, the lifecycle of its adoption or issue, the
 * references every `refersTo` and `source` of the text points at, the footnotes it never
 * references, and a minimal `proprietary` block naming the source undoc built it from.
 */
export function meta(
  doc: UndocDocument,
  iris: DocumentIris,
  lang: LanguageProfile | undefined,
  organizations: ReadonlyMap<string, string>,
  signatories: Signatories,
  notes: readonly Element[]
): Element {
  const { metadata } = doc
  const statement = documentType(metadata.kind).element === 'statement'
  const event = statement ? 'adoption' : 'issue'
  const author = authorOf(doc)
  const authorName = metadata.organ !== undefined && metadata.organ !== 'other' ? lang?.typesetting.organs[metadata.organ] : lang?.typesetting.organization
  const tlc: ElementContent[] = [
    x('original', { eId: 'original', href: iris.expression, showAs: metadata.title ?? metadata.symbol ?? doc.source.name }),
    x('TLCOrganization', { eId: 'undoc', href: '/akn/ontology/organization/undoc', showAs: 'undoc' }),
    x('TLCOrganization', { eId: author, href: organizationIri(author), showAs: authorName ?? author })
  ]
  for (const [id, name] of organizations) if (id !== author && id !== 'undoc') tlc.push(x('TLCOrganization', { eId: id, href: organizationIri(id), showAs: name }))
  for (const [id, name] of signatories.persons) tlc.push(x('TLCPerson', { eId: id, href: `/akn/ontology/person/un/${id}`, showAs: name }))
  for (const [id, name] of signatories.roles) tlc.push(x('TLCRole', { eId: id, href: `/akn/ontology/role/un/${id}`, showAs: name }))
  if (iris.date !== UNKNOWN_DATE) tlc.push(x('TLCEvent', { eId: event, href: `/akn/ontology/event/un/${event}`, showAs: event }))
  return x('meta', [
    identification(doc, iris, 'main'),
    iris.date !== UNKNOWN_DATE
      ? x('lifecycle', { source: '#undoc' }, x('eventRef', { eId: 'lifecycle__eventRef_1', date: iris.date, source: '#original', type: 'generation', refersTo: `#${event}` }))
      : undefined,
    x('references', { source: '#undoc' }, tlc),
    notes.length > 0 ? x('notes', { source: '#undoc' }, [...notes]) : undefined,
    x('proprietary', { source: '#undoc' }, x('undoc:source', { path: doc.source.path, sha256: doc.source.sha256, version: doc.undoc }))
  ])
}
