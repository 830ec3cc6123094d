import { createHash } from 'node:crypto'
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { VERSION } from '../core/package-root.js'
import { corpusMember, linkPairs, type CorpusMember, type CorpusTable } from '../crossref/corpus-index.js'
import { EMITTERS } from '../emit/index.js'
import { CONFIG_NAME } from '../lint/config.js'
import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import type { ManifestEntry, ManifestHeader, Shard } from '../types/manifest.js'
import type { Stamp } from './fingerprint.js'
import { displayPath } from './sources.js'
import { validate } from '../validate/index.js'
import { tempPath, writeAtomic } from './write.js'

/** The manifest of a whole build in its output folder. */
export const MANIFEST_NAME = '.undoc-manifest.jsonl'

/** The manifest of one shard of a sharded build: `.undoc-shard-I-of-N.jsonl`. */
export function shardFileName(shard: Shard): string {
  return `.undoc-shard-${shard.index}-of-${shard.count}.jsonl`
}

export const SHARD_FILE = /^\.undoc-shard-(\d+)-of-(\d+)\.jsonl$/

/**
 * What every output depends on besides its own source: undoc's version, the output formats, and
 * the configuration file's bytes. A change of any of them rebuilds everything.
 */
export async function pipelineKey(cwd: string, config?: string, formats?: readonly string[]): Promise<string> {
  const written = EMITTERS.filter((e) => formats === undefined || formats.includes(e.format)).map((e) => e.format)
  const hash = createHash('sha256').update(`undoc ${VERSION}\nformats ${written.join(',')}\n`)
  const bytes = await readFile(resolve(cwd, config ?? CONFIG_NAME)).catch(() => undefined)
  hash.update(bytes ? `config ${bytes.length}\n` : 'no config\n')
  if (bytes) hash.update(bytes)
  return hash.digest('hex')
}

/** The pending file of a manifest: `.undoc-manifest.pending.json` beside `.undoc-manifest.jsonl`. */
export function pendingFileName(manifestPath: string): string {
  return manifestPath.replace(/\.jsonl$/, '.pending.json')
}

/**
 * Records, before their outputs are touched, the sources a build is about to rewrite or remove:
 * a build killed half-way leaves their entries in the manifest, and the next build must not take
 * them for up to date. A few paths, not the whole manifest written again.
 */
export async function writePending(manifestPath: string, paths: readonly string[]): Promise<void> {
  await writeAtomic(pendingFileName(manifestPath), `${JSON.stringify(paths)}\n`)
}

/** Removes the pending file once the manifest says what was built. */
export async function removePending(manifestPath: string): Promise<void> {
  await unlink(pendingFileName(manifestPath)).catch(() => undefined)
}

/** The pending paths beside a manifest: none when there is no file, undefined when it is not valid. */
async function readPending(manifestPath: string): Promise<Set<string> | undefined> {
  let text: string
  try {
    text = await readFile(pendingFileName(manifestPath), 'utf8')
  } catch {
    return new Set()
  }
  try {
    const value: unknown = JSON.parse(text)
    return validate('manifest.schema.json#/definitions/PendingSources', value).length === 0 ? new Set(value as string[]) : undefined
  } catch {
    return undefined
  }
}

const NEWLINE = Buffer.from('\n')

/** Bytes read at once: lines read in file order (as a build goes through a manifest) cost a read a megabyte, not one a line. */
const READ_AHEAD = 1 << 20

/** A file of JSON lines (a manifest, or a run's journal of new entries), read by offset. */
export class LineFile {
  private buffer = Buffer.alloc(0)
  private bufferAt = 0
  /** Appends begun, and those not yet written. */
  private appends = 0
  private pending = 0

  private constructor(
    private readonly handle: FileHandle,
    private size: number,
    /** Its modification time when opened (ns). */
    readonly mtimeNs: bigint,
    readonly path: string
  ) {}

  static async open(path: string, flags: 'r' | 'w+' = 'r'): Promise<LineFile> {
    const handle = await open(path, flags)
    const info = await handle.stat({ bigint: true })
    return new LineFile(handle, Number(info.size), info.mtimeNs, path)
  }

  /** The line at `offset`, `length` bytes long without its newline. */
  async read(offset: number, length: number): Promise<string> {
    return (await this.bytes(offset, length)).toString('utf8')
  }

  /** The bytes at `offset`: valid until the next read. */
  async bytes(offset: number, length: number): Promise<Buffer> {
    if (offset < this.bufferAt || offset + length > this.bufferAt + this.buffer.length) {
      const bytes = Buffer.allocUnsafe(Math.max(length, Math.min(READ_AHEAD, this.size - offset)))
      const [appends, quiet] = [this.appends, this.pending === 0]
      const { bytesRead } = await this.handle.read(bytes, 0, bytes.length, offset)
      // Appends finish in any order: bytes read ahead while one was being written (pending at the
      // start, or begun since) may hold the gap where it goes. Those serve this line only, which
      // was written before it was asked for.
      if (!quiet || appends !== this.appends) return bytes.subarray(0, length)
      this.buffer = bytes.subarray(0, bytesRead)
      this.bufferAt = offset
    }
    return this.buffer.subarray(offset - this.bufferAt, offset - this.bufferAt + length)
  }

  /** Appends a line; returns its offset and length. */
  async append(line: string): Promise<{ offset: number; length: number }> {
    const bytes = Buffer.from(`${line}\n`)
    // Taken before the write is awaited: appends made at once each get their own place.
    const offset = this.size
    this.size += bytes.length
    this.appends++
    this.pending++
    try {
      await this.handle.write(bytes, 0, bytes.length, offset)
    } finally {
      this.pending--
    }
    return { offset, length: bytes.length - 1 }
  }

  /** Each line in file order with its offset and length, read a megabyte at a time; `text()` decodes it. */
  async *lines(): AsyncGenerator<{ text: () => string; offset: number; length: number }> {
    let carry = Buffer.alloc(0)
    let at = 0
    for (let position = 0; position < this.size; ) {
      const chunk = Buffer.allocUnsafe(Math.min(READ_AHEAD, this.size - position))
      const { bytesRead } = await this.handle.read(chunk, 0, chunk.length, position)
      if (bytesRead === 0) break
      position += bytesRead
      const bytes = carry.length > 0 ? Buffer.concat([carry, chunk.subarray(0, bytesRead)]) : chunk.subarray(0, bytesRead)
      let start = 0
      for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
        const from = start
        yield { text: () => bytes.toString('utf8', from, end), offset: at + start, length: end - start }
        start = end + 1
      }
      at += start
      carry = bytes.subarray(start)
    }
    // A last line without its newline was cut short: it is not a line.
  }

  async close(): Promise<void> {
    await this.handle.close()
  }
}

/**
 * What a run holds of a document while it goes through a corpus: what decides whether the
 * document is built again, and its corpus links as numbers. The rest of its entry (its hashes,
 * summary, links) and its diagnostics stay in their lines on disk and are read back when needed.
 */
export interface EntryRecord {
  readonly path: string
  readonly name: string
  readonly input: Stamp
  readonly sidecar?: Stamp
  /** It wrote its outputs: it had no errors. */
  readonly wrote: boolean
  readonly pages?: number
  /** Its summary's symbol, as CorpusMember has it; absent when it has none or could not be built. */
  readonly symbol?: number
  /** Its summary's citations, as CorpusMember has them; absent when it could not be built. */
  readonly citations?: number
  /** The table's list of the corpus links it was built with, as `linkPairs` gives them. */
  readonly links: number
  readonly warnings: number
  readonly errors: number
  /**
   * Where its entry and, on the next line, its diagnostics are (lengths without the newlines):
   * in a manifest, or in the run's journal.
   */
  line: { file: LineFile; offset: number; length: number; diagnostics: number }
}

/** A record with a summary is the corpus member of its document. */
export function isMember(record: EntryRecord | undefined): record is EntryRecord & CorpusMember {
  return record?.citations !== undefined
}

export function entryRecord(entry: ManifestEntry, line: EntryRecord['line'], table: CorpusTable): EntryRecord {
  const stamp = ({ size, mtimeNs }: Stamp): Stamp => ({ size, mtimeNs })
  const member = entry.summary ? corpusMember(entry.summary, table) : undefined
  return {
    path: entry.path,
    name: entry.name,
    input: stamp(entry.input),
    ...(entry.sidecar ? { sidecar: stamp(entry.sidecar) } : {}),
    wrote: entry.outputs.length > 0,
    ...(entry.pages !== undefined ? { pages: entry.pages } : {}),
    ...(member?.symbol !== undefined ? { symbol: member.symbol } : {}),
    ...(member ? { citations: member.citations } : {}),
    links: table.list(linkPairs(Object.entries(entry.links), table)),
    warnings: entry.warnings,
    errors: entry.errors,
    line
  }
}

/** The whole entry of a record, read back from its line. */
export async function readEntry(record: EntryRecord): Promise<ManifestEntry> {
  return JSON.parse(await record.line.file.read(record.line.offset, record.line.length)) as ManifestEntry
}

/** Both lines of a record, as they are written: its entry, a newline, its diagnostics. */
function recordLines(record: EntryRecord): Promise<Buffer> {
  const { file, offset, length, diagnostics } = record.line
  return file.bytes(offset, length + 1 + diagnostics)
}

/** The line after a record's entry: its diagnostics, as written. */
function diagnosticsLine(record: EntryRecord): Promise<string> {
  const { file, offset, length, diagnostics } = record.line
  return file.read(offset + length + 1, diagnostics)
}

/** The rule of the error that stands for diagnostics that could not be read back. */
export const MANIFEST_DAMAGED = 'manifest-damaged'

/**
 * The diagnostics of a record, read back from the line after its entry. A manifest is checked
 * line by line as it is read but for these lines, the bulk of it, which are parsed only here:
 * one that is not valid is a manifest damaged since, and an error to say so.
 */
export async function readDiagnostics(record: EntryRecord): Promise<Diagnostic[]> {
  let value: unknown
  try {
    value = JSON.parse(await diagnosticsLine(record))
  } catch {
    value = undefined
  }
  if (value !== undefined && validate('manifest.schema.json#/definitions/ManifestDiagnostics', value).length === 0) return value as Diagnostic[]
  return [fileDiagnostic(displayPath(record.line.file.path), `The diagnostics of ${record.path} in this build manifest are damaged: build with --force to write it anew.`, MANIFEST_DAMAGED)]
}

/** A manifest as read: its header, its modification time (a source changed in that same tick is hashed again), its entries' records. */
export interface ReadManifest {
  readonly header: ManifestHeader
  readonly mtimeNs: bigint
  readonly records: EntryRecord[]
  /** Open while its records are used: close it when done. */
  readonly file: LineFile
}

/**
 * Reads a manifest a line at a time into records, keeping each entry's line on disk; a missing,
 * unreadable, corrupt, cut short or invalid one is none (the build is then full).
 */
export async function readManifest(path: string, table: CorpusTable): Promise<ReadManifest | undefined> {
  let file: LineFile
  try {
    file = await LineFile.open(path)
  } catch {
    return undefined
  }
  try {
    let header: ManifestHeader | undefined
    const records: EntryRecord[] = []
    let entry: { value: ManifestEntry; offset: number; length: number } | undefined
    let complete = true
    for await (const line of file.lines()) {
      if (header === undefined) {
        const value: unknown = JSON.parse(line.text())
        if (validate('manifest.schema.json', value).length > 0) break
        header = value as ManifestHeader
      } else if (entry === undefined) {
        const value: unknown = JSON.parse(line.text())
        complete = false
        if (validate('manifest.schema.json#/definitions/ManifestEntry', value).length > 0) break
        entry = { value: value as ManifestEntry, offset: line.offset, length: line.length }
      } else {
        records.push(entryRecord(entry.value, { file, offset: entry.offset, length: entry.length, diagnostics: line.length }, table))
        entry = undefined
        complete = true
      }
    }
    const pending = await readPending(path)
    if (header !== undefined && complete && records.length === header.documents && pending !== undefined) {
      return { header, mtimeNs: file.mtimeNs, records: pending.size > 0 ? records.filter((r) => !pending.has(r.path)) : records, file }
    }
  } catch {
    // Unreadable or not JSON: as good as none.
  }
  await file.close()
  return undefined
}

/**
 * Writes a manifest atomically: the header, then each record's entry line copied from where it
 * is. Returns the written file, open, with the records pointed at their lines in it.
 */
export async function writeManifest(path: string, header: Omit<ManifestHeader, 'documents'>, records: readonly EntryRecord[]): Promise<LineFile> {
  const offsets: number[] = []
  await writeAtomic(path, async function* () {
    const head = `${JSON.stringify({ ...header, documents: records.length })}\n`
    let offset = Buffer.byteLength(head)
    yield head
    // Copied as bytes, a megabyte at a time: a corpus's manifest is tens of megabytes.
    let batch: Buffer[] = []
    let batched = 0
    for (const r of records) {
      offsets.push(offset)
      offset += r.line.length + 1 + r.line.diagnostics + 1
      batch.push(Buffer.from(await recordLines(r)), NEWLINE)
      batched += r.line.length + r.line.diagnostics + 2
      if (batched >= READ_AHEAD) {
        yield Buffer.concat(batch)
        batch = []
        batched = 0
      }
    }
    yield Buffer.concat(batch)
  })
  // The file it replaced stays readable through the handles open on it (POSIX, and Windows, where
  // Node opens files shareable for deletion) until they are closed, at the end of the run.
  const file = await LineFile.open(path)
  records.forEach((r, i) => (r.line = { ...r.line, file, offset: offsets[i]! }))
  return file
}

/** A run's journal of new entries, beside the manifest and named as a temporary file, so a killed run's is cleaned away. */
export async function openJournal(dir: string): Promise<LineFile> {
  return LineFile.open(tempPath(join(dir, 'journal')), 'w+')
}

/** Closes a journal and removes its file. */
export async function removeJournal(journal: LineFile): Promise<void> {
  await journal.close().catch(() => undefined)
  await unlink(journal.path).catch(() => undefined)
}

/** Appends an entry and its diagnostics to a journal; returns its record. */
export async function journalEntry(journal: LineFile, entry: ManifestEntry, diagnostics: readonly Diagnostic[], table: CorpusTable): Promise<EntryRecord> {
  return journalLines(journal, JSON.stringify(entry), JSON.stringify(diagnostics), entry, table)
}

/**
 * Appends the entry of a record (as `readEntry` read it) whose source and sidecar have the bytes
 * it was built from under new stamps (sizes and times), its diagnostics copied as they are;
 * returns its record.
 */
export async function journalRefreshed(journal: LineFile, record: EntryRecord, entry: ManifestEntry, stamps: { input: Stamp; sidecar?: Stamp }, table: CorpusTable): Promise<EntryRecord> {
  const refreshed: ManifestEntry = { ...entry, input: { ...entry.input, ...stamps.input }, ...(entry.sidecar && stamps.sidecar ? { sidecar: { ...entry.sidecar, ...stamps.sidecar } } : {}) }
  return journalLines(journal, JSON.stringify(refreshed), await diagnosticsLine(record), refreshed, table)
}

async function journalLines(journal: LineFile, entryLine: string, diagnosticsLine: string, entry: ManifestEntry, table: CorpusTable): Promise<EntryRecord> {
  const { offset } = await journal.append(`${entryLine}\n${diagnosticsLine}`)
  const length = Buffer.byteLength(entryLine)
  return entryRecord(entry, { file: journal, offset, length, diagnostics: Buffer.byteLength(diagnosticsLine) }, table)
}
