import type { MappedText } from '../core/mapped-text.js'
import type { LanguageProfile } from '../lang/profile.js'

/** Metadata a rule found in page furniture instead of throwing it away. */
export interface LiftedMeta {
  symbol?: string
  issued?: string
  originalLanguage?: string
  distribution?: string
  jobNumber?: string
}

/** A finding of a rule about the raw text, at a raw range. */
export interface RuleMessage {
  readonly ruleId: string
  readonly severity: 'error' | 'warning' | 'info'
  readonly reason: string
  readonly rawStart: number
  readonly rawEnd: number
}

export interface RuleResult {
  readonly text: MappedText
  readonly lifted?: LiftedMeta
  readonly messages?: readonly RuleMessage[]
}

/** One normalization step: a pure function from the text (with its map to the raw) to the next. */
export interface NormalizeRule {
  readonly id: string
  /** One line saying what the rule does, for --help and the docs. */
  readonly doc: string
  apply(text: MappedText, lang: LanguageProfile): RuleResult
}
