import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { PACKAGE_ROOT, VERSION } from '../core/package-root.js'
import { corpusMember, type CorpusMember } from './corpus-index.js'
import { EMITTERS } from '../emit/index.js'
import { CONFIG_NAME } from '../lint/config.js'
import { fileDiagnostic, type Diagnostic } from '../core/diagnostic.js'
import type { ManifestEntry, ManifestHeader, Output, Shard } from '../types/manifest.js'
import type { Stamp } from '../io/fingerprint.js'
import { displayPath } from '../io/sources.js'
import { validate } from '../validate/index.js'
import { tempPath, writeAtomic, type WriteChunk } from '../io/write.js'
import { isPlainName } from '../io/output-folder.js'

/** The manifest of a whole build in its output folder. */
export const MANIFEST_NAME = '.undoc-manifest.jsonl'

/** The manifest of one shard of a sharded build: `.undoc-shard-I-of-N.jsonl`. */
export function shardFileName(shard: Shard): string {
  return `.undoc-shard-${shard.index}-of-${shard.count}.jsonl`
}

export const SHARD_FILE = /^\.undoc-shard-(\d+)-of-(\d+)\.jsonl$/

/**
 * What every output depends on besides its own source: undoc's code (the build id `npm run build`
 * writes, a hash of its sources: the version number alone is the same from one commit to the
 * next), the output formats, and the configuration file's bytes. A change of any of them rebuilds
 * everything.
 */
export async function pipelineKey(cwd: string, config?: string, formats?: readonly string[], build: string | undefined = buildId()): Promise<string> {
  const written = EMITTERS.filter((e) => formats === undefined || formats.includes(e.format)).map((e) => e.format)
  const hash = createHash('sha256').update(`undoc ${VERSION}\nbuild ${build ?? 'unknown'}\nformats ${written.join(',')}\n`)
  const bytes = await readFile(resolve(cwd, config ?? CONFIG_NAME)).catch(() => undefined)
  hash.update(bytes ? `config ${bytes.length}\n` : 'no config\n')
  if (bytes) hash.update(bytes)
  return hash.digest('hex')
}

/** The build id of this package's build (scripts/build-id.mjs), or undefined when it has none. */
function buildId(): string | undefined {
  try {
    return readFileSync(join(PACKAGE_ROOT, 'dist', 'build-id'), 'utf8').trim()
  } catch {
    return undefined
  }
}

/** The pending file of a manifest: `.undoc-manifest.pending.jsonl` beside `.undoc-manifest.jsonl`. */
export function pendingFileName(manifestPath: string): string {
  return manifestPath.replace(/\.jsonl$/, '.pending.jsonl')
}

/**
 * Records, before their outputs are touched, the sources a build is about to rewrite or remove,
 * a path a line, appended and flushed to disk: a build killed half-way leaves their entries in
 * the manifest, and the next build must not take them for up to date. A line cut short by a
 * kill names a source whose outputs were not yet touched.
 */
export async function writePending(manifestPath: string, paths: AsyncIterable<string> | Iterable<string>): Promise<void> {
  const handle = await open(pendingFileName(manifestPath), 'a')
  try {
    let lines: string[] = []
    for await (const path of paths) {
      lines.push(`${JSON.stringify(path)}\n`)
      if (lines.length >= 1000) {
        await handle.write(lines.join(''))
        lines = []
      }
    }
    await handle.write(lines.join(''))
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Removes the pending file once the manifest says what was built. */
export async function removePending(manifestPath: string): Promise<void> {
  await unlink(pendingFileName(manifestPath)).catch(() => undefined)
}

/** Hands each pending path beside a manifest to `take`; false when the file is not valid. */
async function readPending(manifestPath: string, take: (path: string) => Promise<void>): Promise<boolean> {
  let file: LineFile
  try {
    file = await LineFile.open(pendingFileName(manifestPath))
  } catch {
    return true
  }
  try {
    for await (const line of file.lines()) {
      const value: unknown = JSON.parse(line.text())
      if (validate('manifest.schema.json#/definitions/PendingSource', value).length > 0) return false
      await take(value as string)
    }
    return true
  } catch {
    return false
  } finally {
    await file.close()
  }
}

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

  /** A copy of `length` bytes at `offset`, all of them written (no append is under way). */
  async copy(offset: number, length: number): Promise<Buffer> {
    const bytes = Buffer.allocUnsafe(length)
    for (let done = 0; done < length;) {
      const { bytesRead } = await this.handle.read(bytes, done, length - done, offset + done)
      if (bytesRead === 0) throw new Error(`${this.path} ends before byte ${offset + length}`)
      done += bytesRead
    }
    return bytes
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
    for (let position = 0; position < this.size;) {
      // The part line left over from the last read goes first, and the read after it: a line a
      // read apart is copied, not the megabyte read.
      const chunk = Buffer.allocUnsafe(carry.length + Math.min(READ_AHEAD, this.size - position))
      carry.copy(chunk)
      const { bytesRead } = await this.handle.read(chunk, carry.length, chunk.length - carry.length, position)
      if (bytesRead === 0) break
      position += bytesRead
      const bytes = chunk.subarray(0, carry.length + bytesRead)
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

/** The line files a run's records point into, by number: its journal, the manifests it read. */
export class LineFiles {
  private readonly files: LineFile[] = []

  add(file: LineFile): number {
    return this.files.push(file) - 1
  }

  get(n: number): LineFile {
    return this.files[n]!
  }

  async close(): Promise<void> {
    for (const f of this.files) await f.close().catch(() => undefined)
  }
}

/**
 * What a run keeps of a document, in its store, while it goes through a corpus: what decides
 * whether the document is built again, and its symbol, all the corpus's links need of it. The
 * rest of its entry (its hashes, summary, citations, links, outputs) and its diagnostics stay in
 * their lines on disk and are read back when needed: a rebuild with nothing changed needs none.
 */
export interface EntryRecord {
  readonly path: string
  readonly name: string
  readonly input: Stamp
  readonly sidecar?: Stamp
  /** It wrote its outputs: it had no errors. */
  readonly wrote: boolean
  /** Its outputs as written, by name, size and time: their hashes stay in the entry. */
  readonly outputs: readonly OutputStamp[]
  readonly pages?: number
  /** It has a summary: it is a member of the corpus. */
  readonly member?: true
  /** Its summary's symbol. */
  readonly symbol?: string
  readonly warnings: number
  readonly errors: number
  /**
   * Where its entry and, on the next line, its diagnostics are (lengths without the newlines):
   * in a manifest, or in the run's journal, by its number in the run's LineFiles.
   */
  readonly line: { file: number; offset: number; length: number; diagnostics: number }
}

/** An output as a record keeps it: what a stat tells of it. */
export type OutputStamp = Omit<Output, 'sha256'>

/** A record with a summary is that of a member of the corpus. */
export function isMember(record: EntryRecord | undefined): boolean {
  return record?.member === true
}

/** What a member's entry says it cites. */
export async function readMember(files: LineFiles, record: EntryRecord): Promise<CorpusMember> {
  return corpusMember((await readEntry(files, record)).summary!)
}

export function entryRecord(entry: ManifestEntry, line: EntryRecord['line']): EntryRecord {
  const stamp = ({ size, mtimeNs }: Stamp): Stamp => ({ size, mtimeNs })
  return {
    path: entry.path,
    name: entry.name,
    input: stamp(entry.input),
    ...(entry.sidecar ? { sidecar: stamp(entry.sidecar) } : {}),
    wrote: entry.outputs.length > 0,
    outputs: entry.outputs.map(({ name, size, mtimeNs }) => ({ name, size, mtimeNs })),
    ...(entry.pages !== undefined ? { pages: entry.pages } : {}),
    ...(entry.summary ? { member: true } : {}),
    ...(entry.summary?.symbol !== undefined ? { symbol: entry.summary.symbol } : {}),
    warnings: entry.warnings,
    errors: entry.errors,
    line
  }
}

/** The whole entry of a record, read back from its line. */
export async function readEntry(files: LineFiles, record: EntryRecord): Promise<ManifestEntry> {
  return JSON.parse(await files.get(record.line.file).read(record.line.offset, record.line.length)) as ManifestEntry
}

/** The line after a record's entry: its diagnostics, as written. */
function diagnosticsLine(files: LineFiles, record: EntryRecord): Promise<string> {
  const { file, offset, length, diagnostics } = record.line
  return files.get(file).read(offset + length + 1, diagnostics)
}

/** The rule of the error that stands for diagnostics that could not be read back. */
export const MANIFEST_DAMAGED = 'manifest-damaged'

/**
 * The diagnostics of a record, read back from the line after its entry. A manifest is checked
 * line by line as it is read but for these lines, the bulk of it, which are parsed only here:
 * one that is not valid is a manifest damaged since, and an error to say so.
 */
export async function readDiagnostics(files: LineFiles, record: EntryRecord): Promise<Diagnostic[]> {
  let value: unknown
  try {
    value = JSON.parse(await diagnosticsLine(files, record))
  } catch {
    value = undefined
  }
  if (value !== undefined && validate('manifest.schema.json#/definitions/ManifestDiagnostics', value).length === 0) return value as Diagnostic[]
  return [fileDiagnostic(displayPath(files.get(record.line.file).path), `The diagnostics of ${record.path} in this build manifest are damaged: build with --force to write it anew.`, MANIFEST_DAMAGED)]
}

/** A manifest as read: its header, and its modification time (a source changed in that same tick is hashed again). */
export interface ReadManifest {
  readonly header: ManifestHeader
  readonly mtimeNs: bigint
}

/**
 * Reads a manifest a line at a time: first each path its pending file names to `pending` (their
 * entries no longer stand), then each entry's record, in the manifest's order (by path), to `take`
 * with the header (its lines stay on disk, in the file, which joins `files`). A missing,
 * unreadable, corrupt, cut short or invalid manifest (or pending file) is none: the caller then
 * forgets what it was handed. One whose entries name outputs that are not plain names in the
 * output folder (`../victim.txt`, an absolute path, a path through a linked folder) is none too,
 * and `refuse` is told why: a build would delete them.
 */
export async function readManifest(
  path: string,
  files: LineFiles,
  pending: (path: string) => Promise<void>,
  take: (record: EntryRecord, read: ReadManifest) => Promise<void>,
  refuse?: (reason: string) => void
): Promise<ReadManifest | undefined> {
  let file: LineFile
  try {
    file = await LineFile.open(path)
  } catch {
    return undefined
  }
  const number = files.add(file)
  try {
    if (!(await readPending(path, pending))) return undefined
    let read: ReadManifest | undefined
    let documents = 0
    let entry: { value: ManifestEntry; offset: number; length: number } | undefined
    let complete = true
    for await (const line of file.lines()) {
      if (read === undefined) {
        const value: unknown = JSON.parse(line.text())
        if (validate('manifest.schema.json', value).length > 0) break
        read = { header: value as ManifestHeader, mtimeNs: file.mtimeNs }
      } else if (entry === undefined) {
        const value: unknown = JSON.parse(line.text())
        complete = false
        if (validate('manifest.schema.json#/definitions/ManifestEntry', value).length > 0) break
        const outside = (value as ManifestEntry).outputs.find((output) => !isPlainName(output.name))?.name
        if (outside !== undefined) {
          refuse?.(`It names an output outside its folder ("${outside}", for ${(value as ManifestEntry).path}): it is not used, and nothing it names is removed.`)
          break
        }
        entry = { value: value as ManifestEntry, offset: line.offset, length: line.length }
      } else {
        await take(entryRecord(entry.value, { file: number, offset: entry.offset, length: entry.length, diagnostics: line.length }), read)
        documents++
        entry = undefined
        complete = true
      }
    }
    if (read !== undefined && complete && documents === read.header.documents) return read
  } catch {
    // Unreadable or not JSON: as good as none.
  }
  return undefined
}

/**
 * Writes a manifest atomically: the header, then each record's entry and diagnostics lines
 * copied as bytes from where they are. Records that follow one another in one file (those a
 * manifest read keeps, in its order) are copied as one range, a megabyte a read.
 */
export async function writeManifest(path: string, header: ManifestHeader, files: LineFiles, records: AsyncIterable<EntryRecord>, write?: WriteChunk): Promise<void> {
  const copy = async function* (range: { file: number; from: number; to: number }) {
    for (let at = range.from; at < range.to; at += READ_AHEAD) yield await files.get(range.file).copy(at, Math.min(READ_AHEAD, range.to - at))
  }
  await writeAtomic(
    path,
    async function* () {
      yield `${JSON.stringify(header)}\n`
      let range: { file: number; from: number; to: number } | undefined
      for await (const r of records) {
        const { file, offset, length, diagnostics } = r.line
        // Both lines with their newlines: a line file's lines all end with one.
        const end = offset + length + 1 + diagnostics + 1
        if (range?.file === file && range.to === offset) range.to = end
        else {
          if (range) yield* copy(range)
          range = { file, from: offset, to: end }
        }
      }
      if (range) yield* copy(range)
    },
    write
  )
}

/**
 * A run's journal of new entries: each document's entry and diagnostics, appended as it is
 * finished. It is named as a temporary file (so it goes with the run), beside the manifest and
 * for it: `.undoc-manifest.journal.tmp-HOST-PID-…`, which a later run of the same manifest finds
 * when this one was killed (resumeKilledRuns). Its first line is then the header of the manifest
 * the run would write, with no documents: its pipeline says what the entries were built with.
 */
export async function openJournal(dir: string, of?: { manifestPath: string; header: ManifestHeader }): Promise<LineFile> {
  const file = await LineFile.open(tempPath(join(dir, of ? journalName(of.manifestPath) : 'journal')), 'w+')
  if (of) await file.append(JSON.stringify(of.header))
  return file
}

/** What the journals of a manifest's runs are named for (their temporary names start `.NAME.tmp-`). */
export function journalName(manifestPath: string): string {
  return basename(manifestPath)
    .replace(/^\./, '')
    .replace(/\.jsonl$/, '.journal')
}

/** Removes a journal's file (closed with the run's LineFiles). */
export async function removeJournal(journal: LineFile): Promise<void> {
  await journal.close().catch(() => undefined)
  await unlink(journal.path).catch(() => undefined)
}

/** A run's journal and its number among the run's line files. */
export interface Journal {
  readonly file: LineFile
  readonly number: number
}

/** Appends an entry and its diagnostics to a journal; returns its record. */
export async function journalEntry(journal: Journal, entry: ManifestEntry, diagnostics: readonly Diagnostic[]): Promise<EntryRecord> {
  return journalLines(journal, JSON.stringify(entry), JSON.stringify(diagnostics), entry)
}

/**
 * Appends the entry of a record (as `readEntry` read it) whose source, sidecar and outputs have
 * the bytes it recorded under new stamps (sizes and times), its diagnostics copied as they are;
 * returns its record.
 */
export async function journalRefreshed(
  journal: Journal,
  files: LineFiles,
  record: EntryRecord,
  entry: ManifestEntry,
  stamps: { input: Stamp; sidecar?: Stamp; outputs: readonly OutputStamp[] }
): Promise<EntryRecord> {
  const refreshed: ManifestEntry = {
    ...entry,
    input: { ...entry.input, ...stamps.input },
    ...(entry.sidecar && stamps.sidecar ? { sidecar: { ...entry.sidecar, ...stamps.sidecar } } : {}),
    outputs: entry.outputs.map((output, i) => ({ ...output, ...stamps.outputs[i] }))
  }
  return journalLines(journal, JSON.stringify(refreshed), await diagnosticsLine(files, record), refreshed)
}

async function journalLines(journal: Journal, entryLine: string, diagnosticsLine: string, entry: ManifestEntry): Promise<EntryRecord> {
  const { offset } = await journal.file.append(`${entryLine}\n${diagnosticsLine}`)
  const length = Buffer.byteLength(entryLine)
  return entryRecord(entry, { file: journal.number, offset, length, diagnostics: Buffer.byteLength(diagnosticsLine) })
}
