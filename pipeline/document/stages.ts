import type { Diagnostic, Messages, RawMessage } from '../core/diagnostic.js'
import { VERSION } from '../core/package-root.js'
import { RawText } from '../core/raw-text.js'
import { crossref } from '../crossref/index.js'
import type { EmitContext, EmitOutput, Emitter } from '../emit/index.js'
import type { SourceInput } from '../io/sources.js'
import { detectLanguage, languageOfFileName, profileFor } from '../lang/index.js'
import type { LanguageProfile } from '../lang/profile.js'
import { resolveCitations } from '../model/citation-links.js'
import type { NormalizedText } from '../model/normalized-text.js'
import { normalize, TEXT_RULES } from '../normalize/index.js'
import { decode, type DecodedText } from '../read/index.js'
import type { MarkdownRead } from '../read/markdown.js'
import { structure } from '../structure/index.js'
import type { Metadata, Removal, Root, UndocDocument } from '../types/document.js'
import type { SourceMeta } from '../types/source-meta.js'
import { METADATA_SCHEMA, schemaOf, validate } from '../validate/index.js'
import { nodeAtPointer } from './pointer.js'
import { readSidecar } from './sidecar.js'
import { Stages, type Stage } from './stage.js'

/**
 * The largest source built as one document. A document's tree, its removal log and its editions
 * (a PDF of thousands of pages) take about 250 bytes of memory per byte of text: a 10 MB text
 * builds in 2.4 GB, and a 50 MB one would exhaust the heap. UN documents are a few MB at most, so
 * a larger file is refused with a diagnostic, never a crash.
 */
export const MAX_SOURCE_BYTES = 12 * 2 ** 20

/** Lints a built document, as the configuration says for its path. */
export type Linter = (document: UndocDocument) => Diagnostic[]

/** What a build is given besides its source: its corpus, the editions to write, and how to lint. */
export interface BuildOptions {
  /** Output names of the corpus's documents, by their symbol: what citations link to. */
  readonly corpus: ReadonlyMap<string, string>
  /** The writers of the editions to make; none makes the document alone. */
  readonly emitters: readonly Emitter[]
  /** Absent: the document is not linted. */
  readonly lint?: Linter
}

export interface BuiltOutput {
  /** File name in the output folder. */
  readonly name: string
  readonly content: EmitOutput
  /** Pages of an edition on pages (the PDF), as its writer counted them. */
  readonly pages?: number
}

/**
 * One source as it enters the stages: unified's vfile, whose messages every stage adds to; the
 * stages add the rest (raw text, canonical text, tree, document, editions).
 */
export interface DocumentFile {
  readonly input: SourceInput
  /** Output base name ("a-res-67-264.zh"). */
  readonly name: string
  readonly options: BuildOptions
  /** What the stages say about the source, placed in its raw text. */
  readonly messages: Messages
  /** What was wrong with its sidecar, under the sidecar's path: it stops the build. */
  readonly sidecarDiagnostics: Diagnostic[]
}

/** What read adds: the decoded source, its language, the metadata given beside it, and a Markdown source's reading. */
export interface Read {
  readonly decoded: DecodedText
  /** The text as written, with the line index every position is given by. */
  readonly raw: RawText
  readonly lang: LanguageProfile
  /** The sidecar's metadata ({} without one). */
  readonly sidecar: SourceMeta
  readonly markdown?: MarkdownRead
}

/** The canonical text, its map to the raw text and its removal log, with what it lifted into metadata. */
export interface Normalized {
  readonly normalized: NormalizedText
}

/** The unist tree; structure makes it, crossref gives it its citations. */
export interface Structured {
  readonly tree: Root
  readonly metadata: Metadata
}

export interface Assembled {
  readonly tree: Root
  readonly document: UndocDocument
}

export interface Linted {
  readonly linted: Diagnostic[]
}

export interface Written {
  readonly outputs: BuiltOutput[]
}

/** A stage's messages, placed at their raw offsets. */
function place(messages: Messages, raw: RawText, found: readonly RawMessage[]): void {
  for (const m of found) messages.add(m.severity, m.reason, m.ruleId, raw.position(m.rawStart, m.rawEnd))
}

function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path)
}

/** Bytes → the raw text, in its language, with its sidecar's metadata: refused with a message when it cannot be built. */
const read: Stage<DocumentFile, Read> = {
  name: 'read',
  async run({ input, messages, sidecarDiagnostics }) {
    if (input.bytes.length > MAX_SOURCE_BYTES) {
      const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`
      messages.add('error', `The file is ${mib(input.bytes.length)}, more than the ${mib(MAX_SOURCE_BYTES)} undoc builds as one document: split it into its documents.`, 'input-too-large', undefined)
      return undefined
    }
    const decoded = decode(input.bytes)
    if (!decoded.ok) {
      messages.add('error', decoded.reason, decoded.ruleId, undefined)
      return undefined
    }
    if (decoded.text.trim() === '') {
      messages.add('error', 'The file holds only white space: there is no text to build.', 'empty-input', undefined)
      return undefined
    }
    const side = input.sidecar ? readSidecar(input.sidecar) : { meta: {}, diagnostics: [] }
    if (!side.meta) {
      sidecarDiagnostics.push(...side.diagnostics)
      messages.add('error', `Its sidecar ${input.sidecar!.path} has errors: the file is not built until they are mended.`, 'sidecar-schema', undefined)
      return undefined
    }
    const tag = side.meta.language ?? languageOfFileName(input.path, decoded.text) ?? detectLanguage(decoded.text)
    const lang = tag ? profileFor(tag) : undefined
    if (!lang) {
      messages.add(
        'error',
        tag ? `undoc has no language profile for "${tag}" yet.` : 'The language of the text cannot be told from its script: give it in a .meta.json sidecar ("language": "zh-Hans").',
        'unsupported-language',
        undefined
      )
      return undefined
    }
    const raw = new RawText(input.path, decoded.text)
    // A Markdown source is read into the canonical text by its own reader (pandoc's Readers);
    // from there on it goes the way of a raw text. The reader (remark's parser) is loaded only
    // for a Markdown source: it was most of the time a raw text's build took to start.
    const markdown = isMarkdown(input.path) ? (await import('../read/markdown.js')).readMarkdown(raw, lang.typesetting.widePunctuation) : undefined
    if (markdown) place(messages, raw, markdown.messages)
    return { decoded, raw, lang, sidecar: side.meta, ...(markdown ? { markdown } : {}) }
  }
}

/** The raw text (or a Markdown source's reading, which has no page layout to undo) → the canonical text. */
const normalizeStage: Stage<DocumentFile & Read, Normalized> = {
  name: 'normalize',
  run({ raw, lang, markdown, messages }) {
    const normalized = markdown ? normalize(markdown.text, lang, TEXT_RULES) : normalize(raw, lang)
    place(messages, raw, normalized.messages)
    return { normalized }
  }
}

/** The metadata of a Markdown source: its front matter over what the grammar found, the sidecar over both; in the schema's order. */
function withFrontMatter(found: Metadata, frontMatter: Partial<Metadata>, sidecar: SourceMeta): Metadata {
  const { $schema: _schema, ...fromSidecar } = sidecar
  const merged: Metadata = { ...found, ...frontMatter, ...fromSidecar }
  const order = Object.keys((schemaOf(METADATA_SCHEMA) as { properties: object }).properties)
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) as Metadata
}

const structureStage: Stage<DocumentFile & Read & Normalized, Structured> = {
  name: 'structure',
  run({ normalized, lang, sidecar, markdown, raw, messages }) {
    const structured = structure(normalized, lang, sidecar)
    place(messages, raw, structured.messages)
    return { tree: structured.tree, metadata: markdown?.metadata ? withFrontMatter(structured.metadata, markdown.metadata, sidecar) : structured.metadata }
  }
}

/** The citations of the tree, and the document they make with the source's record and the removal log, linked to the corpus. */
const crossrefStage: Stage<DocumentFile & Read & Normalized & Structured, Assembled> = {
  name: 'crossref',
  run({ input, name, options, messages, decoded, raw, lang, markdown, normalized, tree, metadata }) {
    const cited = crossref(tree, normalized.text, lang, metadata)
    place(messages, raw, cited.messages)
    const built: UndocDocument = {
      undoc: VERSION,
      source: {
        path: input.path,
        name,
        sha256: decoded.sha256,
        encoding: decoded.encoding,
        bom: decoded.bom,
        lineEndings: decoded.lineEndings,
        format: markdown ? 'markdown' : 'text'
      },
      metadata,
      tree: cited.tree,
      removals: normalized.text.removals.map((r): Removal => ({
        rule: r.rule,
        reason: r.reason,
        text: r.text,
        ...(r.replacement !== undefined ? { replacement: r.replacement } : {}),
        position: raw.position(r.rawStart, r.rawEnd)
      }))
    }
    const document = resolveCitations(built, options.corpus)
    return { tree: document.tree, document }
  }
}

/** The document against its schema; a document with errors (of any stage) goes no further. */
const validateStage: Stage<DocumentFile & Assembled, object> = {
  name: 'validate',
  run({ document, messages }) {
    for (const v of validate('document.schema.json', document)) {
      messages.add('error', `The built document is not valid against document.schema.json at ${v.pointer}: ${v.message}.`, 'schema', nodeAtPointer(document, v.pointer))
    }
    return messages.hasErrors ? undefined : {}
  }
}

/** Lint findings are reported; they never stop a document's editions being written. */
const lintStage: Stage<DocumentFile & Assembled, Linted> = {
  name: 'lint',
  run({ document, options }) {
    return { linted: options.lint ? options.lint(document) : [] }
  }
}

const emitStage: Stage<DocumentFile & Assembled, Written> = {
  name: 'emit',
  async run({ document, name, options, messages }) {
    const outputs: BuiltOutput[] = []
    const ctx: EmitContext = { corpus: options.corpus, warn: (reason, ruleId, position) => messages.add('warning', reason, ruleId, position) }
    for (const e of options.emitters) {
      const { content, pages } = await e.emit(document, ctx)
      outputs.push({ name: name + e.extension, content, ...(pages !== undefined ? { pages } : {}) })
    }
    return { outputs }
  }
}

/**
 * Everything undoc does to one source, in order: read → normalize → structure → crossref →
 * validate → lint → emit. Each stage composes the pure function of its folder.
 */
export const DOCUMENT_STAGES = Stages.over<DocumentFile>().then(read).then(normalizeStage).then(structureStage).then(crossrefStage).then(validateStage).then(lintStage).then(emitStage)
