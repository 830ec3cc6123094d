import { Messages, type Diagnostic } from '../core/diagnostic.js'
import { jsonErrorOffset, unexpectedAt } from '../core/json-syntax.js'
import { jsonPointerSpan } from '../core/json-pointer.js'
import { ConservationError } from '../model/mapped-text.js'
import { VERSION } from '../core/package-root.js'
import { RawText } from '../core/raw-text.js'
import { EMITTERS, type EmitContext, type EmitOutput, type Emitter } from '../emit/index.js'
import { detectLanguage, languageOfFileName, profileFor } from '../lang/index.js'
import { normalize, TEXT_RULES } from '../normalize/index.js'
import { crossref } from '../crossref/index.js'
import { resolveCitations } from '../model/citation-links.js'
import { decode } from '../read/index.js'
import { outputName, type SourceInput } from '../io/sources.js'
import { structure } from '../structure/index.js'
import type { Metadata, Position, Removal, UndocDocument } from '../types/document.js'
import type { SourceMeta } from '../types/source-meta.js'
import { METADATA_SCHEMA, validate, validatorFor } from '../validate/index.js'
import { nodeAtPointer } from './pointer.js'

/**
 * The largest source built as one document. A document's tree, its removal log and its editions
 * (a PDF of thousands of pages) take about 250 bytes of memory per byte of text: a 10 MB text
 * builds in 2.4 GB, and a 50 MB one would exhaust the heap. UN documents are a few MB at most, so
 * a larger file is refused with a diagnostic, never a crash.
 */
export const MAX_SOURCE_BYTES = 12 * 2 ** 20

/**
 * The largest sidecar read. A sidecar holds a few fields (symbol, date, title…); its values go
 * into every edition, so a sidecar of 60 MB made four files of 60 MB and took 650 MB to build.
 */
export const MAX_SIDECAR_BYTES = 64 * 2 ** 10

export interface BuiltOutput {
  /** File name in the output folder. */
  readonly name: string
  readonly content: EmitOutput
  /** Pages of an edition on pages (the PDF), as its writer counted them. */
  readonly pages?: number
}

export interface DocumentBuild {
  readonly path: string
  /** Output base name ("a-res-67-264.zh"). */
  readonly name: string
  readonly diagnostics: Diagnostic[]
  /** Absent when the document has errors: nothing of it is written then. */
  readonly document?: UndocDocument
  readonly outputs: BuiltOutput[]
}

/**
 * Everything undoc does to one source, without I/O: read → normalize → structure → validate →
 * emit. Problems with the input are diagnostics, never exceptions.
 */
export async function buildDocument(input: SourceInput, ctx: EmitContext = { corpus: new Map() }, emitters: readonly Emitter[] = EMITTERS): Promise<DocumentBuild> {
  const messages = new Messages(input.path)
  const name = outputName(input.path)
  let sidecarDiagnostics: Diagnostic[] = []
  const diagnostics = () => [...sidecarDiagnostics, ...messages.toData()]
  const fail = (): DocumentBuild => ({ path: input.path, name, diagnostics: diagnostics(), outputs: [] })

  if (input.bytes.length > MAX_SOURCE_BYTES) {
    const mib = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`
    messages.add('error', `The file is ${mib(input.bytes.length)}, more than the ${mib(MAX_SOURCE_BYTES)} undoc builds as one document: split it into its documents.`, 'input-too-large', undefined)
    return fail()
  }
  const decoded = decode(input.bytes)
  if (!decoded.ok) {
    messages.add('error', decoded.reason, decoded.ruleId, undefined)
    return fail()
  }
  if (decoded.text.trim() === '') {
    messages.add('error', 'The file holds only white space: there is no text to build.', 'empty-input', undefined)
    return fail()
  }

  const { meta: sidecar, diagnostics: sidecarErrors } = readSidecar(input)
  sidecarDiagnostics = sidecarErrors
  if (sidecarErrors.length > 0) {
    messages.add('error', `Its sidecar ${input.sidecar!.path} has errors: the file is not built until they are mended.`, 'sidecar-schema', undefined)
    return fail()
  }
  const tag = sidecar?.language ?? languageOfFileName(input.path, decoded.text) ?? detectLanguage(decoded.text)
  const lang = tag ? profileFor(tag) : undefined
  if (!lang) {
    messages.add(
      'error',
      tag ? `undoc has no language profile for "${tag}" yet.` : 'The language of the text cannot be told from its script: give it in a .meta.json sidecar ("language": "zh-Hans").',
      'unsupported-language',
      undefined
    )
    return fail()
  }
  const raw = new RawText(input.path, decoded.text)
  try {
    // A Markdown source is read into the canonical text by its own reader (pandoc's Readers);
    // from there on it goes the way of a raw text. The reader (remark's parser) is loaded only
    // for a Markdown source: it was most of the time a raw text's build took to start.
    const markdown = isMarkdown(input.path) ? (await import('../read/markdown.js')).readMarkdown(raw) : undefined
    const normalized = markdown ? normalize(markdown.text, lang, TEXT_RULES) : normalize(raw, lang)
    for (const m of [...(markdown?.messages ?? []), ...normalized.messages]) messages.add(m.severity, m.reason, m.ruleId, raw.position(m.rawStart, m.rawEnd))
    const structured = structure(normalized, lang, sidecar ?? {})
    const metadata = markdown?.metadata ? withFrontMatter(structured.metadata, markdown.metadata, sidecar ?? {}) : structured.metadata
    const { tree, messages: citationMessages } = crossref(structured.tree, normalized.text, lang, metadata)
    for (const m of [...structured.messages, ...citationMessages]) messages.add(m.severity, m.reason, m.ruleId, raw.position(m.rawStart, m.rawEnd))
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
      tree,
      removals: normalized.text.removals.map((r): Removal => ({
        rule: r.rule,
        reason: r.reason,
        text: r.text,
        ...(r.replacement !== undefined ? { replacement: r.replacement } : {}),
        position: raw.position(r.rawStart, r.rawEnd)
      }))
    }
    const document = resolveCitations(built, ctx.corpus)
    for (const v of validate('document.schema.json', document)) {
      const at = nodeAtPointer(document, v.pointer)
      messages.add('error', `The built document is not valid against document.schema.json at ${v.pointer}: ${v.message}.`, 'schema', at)
    }
    if (messages.hasErrors) return { ...fail(), document }
    const outputs: BuiltOutput[] = []
    const emitCtx: EmitContext = { ...ctx, warn: (reason, ruleId, position) => messages.add('warning', reason, ruleId, position) }
    for (const e of emitters) {
      const { content, pages } = await e.emit(document, emitCtx)
      outputs.push({ name: name + e.extension, content, ...(pages !== undefined ? { pages } : {}) })
    }
    return { path: input.path, name, diagnostics: diagnostics(), document, outputs }
  } catch (error) {
    // A bug in undoc, not a fault of the input: say so plainly, without a stack trace, and go on.
    const what = error instanceof ConservationError ? 'lost track of text' : 'failed'
    messages.add('error', `undoc ${what} on this file (${error instanceof Error ? error.message : String(error)}). Please report it with the file.`, 'internal-error', undefined)
    return fail()
  }
}

function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path)
}

/** The metadata of a Markdown source: its front matter over what the grammar found, the sidecar over both; in the schema's order. */
function withFrontMatter(found: Metadata, frontMatter: Partial<Metadata>, sidecar: SourceMeta): Metadata {
  const { $schema: _schema, ...fromSidecar } = sidecar
  const merged: Metadata = { ...found, ...frontMatter, ...fromSidecar }
  const order = Object.keys((validatorFor(METADATA_SCHEMA).schema as { properties: object }).properties)
  return Object.fromEntries(Object.entries(merged).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))) as Metadata
}

/** Where the value a JSON pointer names stands in a valid JSON text; its start when the text nests too deep to walk. */
function placeInJson(raw: RawText, pointer: string, property: string | undefined): Position {
  try {
    const { start, end } = jsonPointerSpan(raw.text, pointer, property)
    return raw.position(start, end)
  } catch (error) {
    // The JSON parser that keeps positions recurses by depth: a value nested thousands deep
    // (valid JSON, refused by the schema) overflows its stack. The error stands at the start.
    if (error instanceof RangeError) return raw.position(0, 0)
    throw error
  }
}

/** The sidecar's metadata, or the diagnostics (under the sidecar's own path) that say why there is none. */
function readSidecar(input: SourceInput): { meta?: SourceMeta; diagnostics: Diagnostic[] } {
  const sc = input.sidecar
  if (!sc) return { diagnostics: [] }
  const side = new Messages(sc.path)
  if (sc.bytes.length > MAX_SIDECAR_BYTES) {
    side.add(
      'error',
      `The sidecar is ${(sc.bytes.length / 1024).toFixed(0)} KiB, more than the ${MAX_SIDECAR_BYTES / 1024} KiB a sidecar may be: it holds a few fields of metadata.`,
      'sidecar-too-large',
      undefined
    )
    return { diagnostics: side.toData() }
  }
  const decoded = decode(sc.bytes)
  if (!decoded.ok) {
    side.add('error', `The sidecar is not text: ${decoded.reason}`, 'sidecar-json', undefined)
    return { diagnostics: side.toData() }
  }
  const raw = new RawText(sc.path, decoded.text)
  let value: unknown
  try {
    value = JSON.parse(decoded.text)
  } catch {
    const at = jsonErrorOffset(decoded.text)
    side.add('error', `The sidecar is not valid JSON: unexpected ${unexpectedAt(decoded.text, at)}.`, 'sidecar-json', raw.pointAt(at))
    return { diagnostics: side.toData() }
  }
  for (const v of validate('source-meta.schema.json', value)) {
    side.add('error', `The sidecar is not valid against source-meta.schema.json at ${v.pointer}: ${v.message}.`, 'sidecar-schema', placeInJson(raw, v.pointer, v.property))
  }
  return side.hasErrors ? { diagnostics: side.toData() } : { meta: value as SourceMeta, diagnostics: [] }
}
