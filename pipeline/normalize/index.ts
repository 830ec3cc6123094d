import { MappedText } from '../model/mapped-text.js'
import type { RawText } from '../core/raw-text.js'
import type { LanguageProfile } from '../lang/profile.js'
import type { LiftedMeta, NormalizedText } from '../model/normalized-text.js'
import type { RawMessage } from '../core/diagnostic.js'
import type { NormalizeRule } from './rule.js'
import { unicodeNfc } from './rules/unicode-nfc.js'
import { fullwidthAlphanumerics } from './rules/fullwidth-alphanumerics.js'
import { pageFurniture } from './rules/page-furniture.js'
import { webFurniture } from './rules/web-furniture.js'
import { footnoteBlocks } from './rules/footnote-blocks.js'
import { footnoteReferences } from './rules/footnote-references.js'
import { footnoteMarkers } from './rules/footnote-markers.js'
import { pageNumbers } from './rules/page-numbers.js'
import { runInParagraphs } from './rules/run-in-paragraphs.js'
import { hangingNumbers } from './rules/hanging-numbers.js'
import { unwrapLines } from './rules/unwrap-lines.js'
import { hanSpacing } from './rules/han-spacing.js'
import { inlineWhitespace } from './rules/inline-whitespace.js'

/**
 * The rules in the order they run. Furniture goes first (a web page's before a printed page's, whose
 * masthead is then the head of the text) so that it cannot be read as text;
 * footnotes before unwrapping, so that the paragraph they cut is joined like any wrapped line;
 * spacing last, on whole paragraphs.
 */
export const NORMALIZE_RULES: readonly NormalizeRule[] = [
  unicodeNfc,
  fullwidthAlphanumerics,
  webFurniture,
  pageFurniture,
  footnoteBlocks,
  footnoteReferences,
  pageNumbers,
  footnoteMarkers,
  runInParagraphs,
  hangingNumbers,
  unwrapLines,
  hanSpacing,
  inlineWhitespace
]

/**
 * The rules for text whatever its source. The others undo the layout of a printed page (furniture,
 * footnote blocks, wrapped lines), which a Markdown source does not have.
 */
export const TEXT_RULES: readonly NormalizeRule[] = [unicodeNfc, fullwidthAlphanumerics, hanSpacing, inlineWhitespace]

/** The raw text through the rules, in order: each rule the language's profile leaves on (a rule's own default otherwise). */
export function normalize(raw: RawText | MappedText, lang: LanguageProfile, rules: readonly NormalizeRule[] = NORMALIZE_RULES): NormalizedText {
  let text = raw instanceof MappedText ? raw : MappedText.fromRaw(raw)
  const lifted: LiftedMeta = {}
  const messages: RawMessage[] = []
  for (const rule of rules) {
    if (!(lang.rules[rule.id] ?? !rule.optIn)) continue
    const result = rule.apply(text, lang)
    text = result.text
    for (const [k, v] of Object.entries(result.lifted ?? {})) if (v !== undefined && !(k in lifted)) lifted[k as keyof LiftedMeta] = v
    messages.push(...(result.messages ?? []))
  }
  return { text, lifted, messages }
}

export type { NormalizeRule } from './rule.js'
