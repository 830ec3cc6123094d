import type { LanguageProfile } from '../lang/profile.js'
import { endsClause } from '../model/clause.js'
import type { Block } from '../model/blocks.js'

export type BlockKind =
  | 'session'
  | 'agendaItem'
  | 'resolutionTitle'
  | 'scResolutionTitle'
  | 'formula'
  | 'fusedFormula'
  | 'partHeading'
  | 'resolutionHeader'
  | 'basis'
  | 'statementOpening'
  | 'voteLine'
  | 'letterTitle'
  | 'noteVerbaleTitle'
  | 'statementTitle'
  | 'reportTitle'
  | 'annexHeading'
  | 'adoptionNote'
  | 'signed'
  | 'meeting'
  | 'placeAndDate'
  | 'dateLine'
  | 'numbered'
  | 'chapter'
  | 'section'
  | 'text'

/** A block with what it looks like on its own; the grammar decides what it is in context. */
export interface Classified extends Block {
  readonly kind: BlockKind
  readonly match?: RegExpExecArray
  /** For numbered blocks: the number, its level, and where the text after it starts (block offset). */
  readonly number?: string
  readonly level?: number
  readonly contentOffset: number
}

const STRIP_REFS = /\[\^[^\]\s]+\]/g

export function classify(block: Block, lang: LanguageProfile): Classified {
  const g = lang.grammar
  const t = block.text.replace(STRIP_REFS, '')
  const as = (kind: BlockKind, match?: RegExpExecArray | null): Classified => ({ ...block, kind, ...(match ? { match } : {}), contentOffset: 0 })
  let m: RegExpExecArray | null
  if ((m = g.session.exec(t))) return as('session', m)
  if ((m = g.agendaItem.exec(t))) return as('agendaItem', m)
  if ((m = g.meeting.exec(t))) return as('meeting', m)
  if ((m = g.voteLine.exec(t))) return as('voteLine', m)
  if ((m = g.dateLine.exec(t))) return as('dateLine', m)
  if ((m = g.placeAndDate.exec(t))) return as('placeAndDate', m)
  if ((m = g.scResolutionTitle.exec(t))) return as('scResolutionTitle', m)
  for (const f of g.formula) if (f.pattern.test(t)) return as('formula')
  if ((m = g.annexHeading.exec(t))) return as('annexHeading', m)
  if ((m = g.basis.exec(t))) return as('basis', m)
  if ((m = g.partHeading.exec(t))) return as('partHeading', m)
  const short = t.length <= g.titleLength && !endsClause(t, lang.clauseMarks)
  if (short && (m = g.resolutionHeader.exec(t))) return as('resolutionHeader', m)
  if (short && (m = g.letterTitle.exec(t))) return as('letterTitle', m)
  if (short && (m = g.noteVerbaleTitle.exec(t))) return as('noteVerbaleTitle', m)
  if (short && (m = g.statementTitle.exec(t))) return as('statementTitle', m)
  if (short && (m = g.reportTitle.exec(t))) return as('reportTitle', m)
  // An adoption note may close the text as a sentence: "Adopted by the Security Council at its 4044th meeting, on 13 September 1999."
  if (t.length <= g.titleLength && (m = g.adoptionNote.exec(t))) return as('adoptionNote', m)
  if (t.length <= 60 && g.signedMark.test(t)) return as('signed')
  if ((m = g.resolutionTitle.exec(block.text)) && !endsClause(t, lang.clauseMarks)) {
    return { ...block, kind: 'resolutionTitle', match: m, number: m[1]!, contentOffset: block.text.length - m[2]!.length }
  }
  if ((m = g.presidentialStatement.opening.exec(t))) return as('statementOpening', m)
  // A short line under a Chinese numeral ("一、导言") heads a chapter; in a resolution the grammar reads it as a paragraph.
  if (short && (m = g.chapterHeading.exec(block.text))) {
    return { ...block, kind: 'chapter', match: m, number: m[1]!, contentOffset: block.text.length - m[2]!.length }
  }
  for (const p of g.paragraphNumber) {
    const n = p.pattern.exec(block.text)
    if (n) return { ...block, kind: 'numbered', match: n, number: n[1]!, level: p.level, contentOffset: n[0].length }
  }
  if (short && (m = g.sectionHeading.exec(block.text))) {
    return { ...block, kind: 'section', match: m, number: m[1]!, contentOffset: block.text.length - m[2]!.length }
  }
  if (g.fusedFormula?.some((f) => f.pattern.test(t))) return as('fusedFormula')
  return as('text')
}
