// Generated from schemas/manifest.schema.json by scripts/generate-types.mjs. Do not edit: edit the schema.
import type { Diagnostic } from './diagnostic.js'
import type { DocumentSummary } from './index.js'

/**
 * A line of the pending file beside a manifest (.undoc-manifest.pending.jsonl, JSON Lines): the path of a source a build is about to rewrite or remove, appended and flushed before it touches its outputs. Its entry in the manifest no longer stands; the build's last step, writing the manifest, removes the file.
 *
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "PendingSource".
 */
export type PendingSource = string
/**
 * The line after a source's entry: its diagnostics, reported again when it is skipped.
 *
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "ManifestDiagnostics".
 */
export type ManifestDiagnostics = Diagnostic[]

/**
 * The first line of a build's manifest in its output folder (output/.undoc-manifest.jsonl), or of one shard's (output/.undoc-shard-I-of-N.jsonl). A manifest is JSON Lines: this header, then two lines a source, sorted by path: its ManifestEntry, then its ManifestDiagnostics. A build reads and writes it a line at a time and never holds a corpus's entries; it reads the diagnostics lines (most of the bytes) only to report them. For each source an entry records the fingerprint of what was built, its outputs, the corpus links it was built with, its summary and how many errors and warnings it has. A rebuild skips a source whose fingerprint and links are unchanged.
 */
export interface ManifestHeader {
  /**
   * Version of undoc that wrote it.
   */
  undoc: string
  /**
   * sha256 of what every output depends on besides its source: undoc's version, the output formats and the configuration file. When it differs, every source is built again.
   */
  pipeline: string
  shard?: Shard
  index?: Fingerprint
  /**
   * Set when the build that wrote it stopped (Ctrl-C) before it checked its documents' links against the corpus: the next build checks them even when nothing else changed.
   */
  unlinked?: true
  /**
   * Set when the build that wrote it checked the links of some of the documents it records only (it was given some of their sources): the next build does not take index.json to say that every document's links are its targets.
   */
  partial?: true
  /**
   * How many sources it records (each an entry line and a diagnostics line): a manifest with fewer is cut short, and is none.
   */
  documents: number
}
/**
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "Shard".
 */
export interface Shard {
  index: number
  count: number
}
/**
 * index.json as this build wrote it: while it is so and nothing changed, it is not written again.
 */
export interface Fingerprint {
  sha256: string
  size: number
  mtimeNs: string
}
/**
 * A file's content hash, and its size and modification time (ns) when hashed: an unchanged size and time spare reading the file again.
 *
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "Fingerprint".
 */
export interface Fingerprint1 {
  sha256: string
  size: number
  mtimeNs: string
}
/**
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "ManifestEntry".
 */
export interface ManifestEntry {
  path: string
  name: string
  input: Fingerprint1
  sidecar?: Fingerprint1
  /**
   * The files written in the output folder, each with its fingerprint as written: a build finds an output missing or changed since (by its size, then its hash when its time changed) and builds its document again. Empty when the document has errors.
   */
  outputs: Output[]
  /**
   * The corpus it was built with: output name of each cited symbol that is in the corpus.
   */
  links: {
    [k: string]: string | undefined
  }
  /**
   * Pages of its PDF edition, when there is one.
   */
  pages?: number
  summary?: DocumentSummary
  /**
   * How many of its diagnostics are errors.
   */
  errors: number
  /**
   * How many of its diagnostics are warnings.
   */
  warnings: number
}
/**
 * A file a document wrote in the output folder: its name there, and its fingerprint as written.
 *
 * This interface was referenced by `ManifestHeader`'s JSON-Schema
 * via the `definition` "Output".
 */
export interface Output {
  name: string
  sha256: string
  size: number
  mtimeNs: string
}
