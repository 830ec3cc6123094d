// Generated from schemas/source-meta.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.

/**
 * Optional sidecar NAME.meta.json beside a source text: what the text cannot say about itself. Values here win over what undoc finds in the text.
 */
export interface SourceMeta {
  $schema?: string
  symbol?: string
  language?: string
  /**
   * What sort of document the grammar recognised. 'unknown' documents are built as plain paragraphs.
   */
  kind?:
    'ga-resolution' | 'ga-decision' | 'sc-resolution' | 'letter' | 'note-verbale' | 'report' | 'statement' | 'unknown'
  title?: string
  date?: string
  originalLanguage?: string
  distribution?: string
}
