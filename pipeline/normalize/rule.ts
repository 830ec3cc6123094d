import type { RawMessage } from '../core/diagnostic.js'
import type { MappedText } from '../model/mapped-text.js'
import type { LiftedMeta } from '../model/normalized-text.js'
import type { LanguageProfile } from '../lang/profile.js'

export interface RuleResult {
  readonly text: MappedText
  readonly lifted?: LiftedMeta
  readonly messages?: readonly RawMessage[]
}

/** One normalization step: a pure function from the text (with its map to the raw) to the next. */
export interface NormalizeRule {
  readonly id: string
  /** One line saying what the rule does, for --help and the docs. */
  readonly doc: string
  /** Off unless the language's profile turns it on (`rules`): the rule is about one script. */
  readonly optIn?: true
  apply(text: MappedText, lang: LanguageProfile): RuleResult
}
