// Generated from schemas/source-meta.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { Kind } from './document.js'

/**
 * Optional sidecar NAME.meta.json beside a source text: what the text cannot say about itself. Values here win over what undoc finds in the text.
 */
export interface SourceMeta {
  $schema?: string
  symbol?: string
  language?: string
  kind?: Kind
  title?: string
  date?: string
  originalLanguage?: string
  distribution?: string
}
