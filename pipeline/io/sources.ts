import { lstatSync, opendirSync, readFileSync, statSync, type Dirent, type Stats } from 'node:fs'
import { realpath, stat } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { errorCode, fileDiagnostic, type Diagnostic, type Outcome } from '../core/diagnostic.js'
import { byCodeUnits } from '../core/order.js'
import { isWithin, realPath } from './real-paths.js'

const SOURCE = /\.(txt|text|md|markdown)$/i
const SIDECAR = '.meta.json'

/** One source as the edge read it: its path (with / separators), its bytes, its sidecar if any. */
export interface SourceInput {
  readonly path: string
  readonly bytes: Uint8Array
  readonly sidecar?: { readonly path: string; readonly bytes: Uint8Array }
}

/** A source file found on disk, before it is read. */
export interface SourceFile {
  /** Path as shown to people and written into outputs: relative to the working folder, / separators. */
  readonly path: string
  readonly absolute: string
  readonly sidecar?: string
}

/** Whether a file's name is one undoc reads as a source or a sidecar in an input folder. */
export function isSourceName(name: string): boolean {
  return SOURCE.test(name) || name.endsWith(SIDECAR)
}

/** Output base name of a source: its file name without .txt or .md. */
export function outputName(path: string): string {
  const base = path.split('/').pop()!
  return base.replace(/\.(txt|text|md|markdown)$/i, '')
}

/** Path as people see it: relative to the working folder when inside it, with / separators. */
export function displayPath(absolute: string, cwd = process.cwd()): string {
  const rel = relative(cwd, absolute)
  return (rel.startsWith('..') ? absolute : rel).split(sep).join('/')
}

/**
 * The sources under the given files and folders, sorted by path, each with its sidecar
 * (NAME.meta.json beside NAME.txt).
 */
export async function findSources(paths: readonly string[], cwd = process.cwd(), options: WalkOptions = {}): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const found = new Map<string, SourceFile>()
  const diagnostics = await walkSources(paths, cwd, (source) => void found.set(source.path, source), options)
  return { sources: [...found.values()].sort((a, b) => byCodeUnits(a.path, b.path)), diagnostics }
}

export interface WalkOptions {
  /** Follow symbolic links (sources, sidecars, folders) wherever they lead, not only within the folders given. */
  readonly followLinks?: boolean
}

/**
 * The sources under the given files and folders in the order they are given (a folder's in path
 * order), each once, where it is first named: the order of the documents of an edition.
 */
export async function sourcesInOrder(paths: readonly string[], cwd = process.cwd(), options: WalkOptions = {}): Promise<{ sources: SourceFile[]; diagnostics: Diagnostic[] }> {
  const sources: SourceFile[] = []
  const diagnostics: Diagnostic[] = []
  const seen = new Set<string>()
  for (const path of paths) {
    const found = await findSources([path], cwd, options)
    diagnostics.push(...found.diagnostics)
    for (const source of found.sources) {
      if (seen.has(source.path)) continue
      seen.add(source.path)
      sources.push(source)
    }
  }
  return { sources, diagnostics }
}

/**
 * Hands each source under the given files and folders to `take` (a source named twice comes
 * twice), with its sidecar; returns the problems met. A folder's files are read as a stream and
 * handed on at once, so a folder of a million texts is never listed whole; its subfolders and
 * links, gathered and visited in name order after its files, are few. Folders are walked once
 * each (by their real path, so a symlink loop ends), the first way name order reaches them.
 *
 * A symbolic link (a source, its sidecar, a folder) is followed only where it leads within the
 * folders given (a file given counts its folder), unless `followLinks`: `ln -s /etc/passwd
 * in/p.txt` would otherwise publish a file nobody gave. A link not followed is named in a
 * `link-outside` error, and a source whose sidecar is one is not built.
 */
export async function walkSources(paths: readonly string[], cwd: string, take: (source: SourceFile) => void | Promise<void>, options: WalkOptions = {}): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = []
  const seenDirs = new Set<string>()
  const problem = (path: string, reason: string, ruleId?: string) => diagnostics.push(fileDiagnostic(displayPath(path, cwd), reason, ruleId))
  const roots = paths.map((p) => resolve(cwd, p)).map((p) => realPath(statSync(p, { throwIfNoEntry: false })?.isDirectory() ? p : dirname(p)))
  /** Whether a path is a link that is not to be followed, which it then reports. */
  const leadsOutside = (path: string, what: string): boolean => {
    if (options.followLinks || !lstatSync(path, { throwIfNoEntry: false })?.isSymbolicLink()) return false
    const target = realPath(path)
    if (roots.some((root) => isWithin(root, target))) return false
    problem(path, `A link to ${displayPath(target, cwd)}, outside the folders given: ${what} (give --follow-links to follow links anywhere).`, 'link-outside')
    return true
  }

  /** `sidecars` is false when the file's folder has no sidecar at all, which spares a stat a source. */
  const file = async (path: string, explicit: boolean, sidecars = true): Promise<void> => {
    if (!SOURCE.test(path)) {
      if (explicit) problem(path, 'Not a source text: undoc reads .txt and .md files.', 'usage')
      return
    }
    const sidecar = path.replace(SOURCE, SIDECAR)
    let has = false
    try {
      has = sidecars && (statSync(sidecar, { throwIfNoEntry: false })?.isFile() ?? false)
      if (has && leadsOutside(sidecar, `not read, and its source ${displayPath(path, cwd)} not built`)) return
    } catch {
      // unreadable: as good as none
    }
    await take({ path: displayPath(path, cwd), absolute: path, ...(has ? { sidecar } : {}) })
  }

  /** `kind` is what a folder listing already says of a path (a plain file or folder), which spares a stat. */
  const visit = async (path: string, explicit: boolean, kind?: 'file' | 'folder'): Promise<void> => {
    if (kind === undefined) {
      try {
        if (leadsOutside(path, 'not followed')) return
        const info = await stat(path)
        kind = info.isDirectory() ? 'folder' : info.isFile() ? 'file' : undefined
        if (kind === undefined && (explicit || SOURCE.test(path))) {
          // Reading a FIFO waits for a writer, a device may never end: neither is a text.
          problem(path, `Not a regular file (${specialKind(info)}): undoc reads source texts from files and folders.`, explicit ? 'usage' : 'io-error')
          return
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ELOOP') problem(path, 'A symbolic link loop: the path leads back to itself.')
        else if (explicit || code !== 'ENOENT') problem(path, code === 'ENOENT' ? 'No such file or folder.' : `Cannot read it (${errorCode(error)}).`)
        return
      }
    }
    if (kind === 'file') return file(path, explicit)
    if (kind !== 'folder') return
    let real: string
    try {
      real = await realpath(path)
    } catch {
      return
    }
    if (seenDirs.has(real)) return
    seenDirs.add(real)
    const later: { name: string; kind?: 'folder' }[] = []
    try {
      // Read synchronously, a thousand entries a call: the walk has nothing else to do meanwhile,
      // and an entry at a time through the thread pool cost more than the rest of the walk.
      const entries = function* (): Generator<Dirent> {
        const dir = opendirSync(path, { bufferSize: 1024 })
        try {
          for (let e = dir.readSync(); e !== null; e = dir.readSync()) yield e
        } finally {
          dir.closeSync()
        }
      }
      // A first look through the listing, to its first sidecar if it has one.
      let sidecars = false
      for (const e of entries()) {
        if (e.name.endsWith(SIDECAR)) {
          sidecars = true
          break
        }
      }
      for (const e of entries()) {
        if (e.name.startsWith('.')) continue
        if (e.isFile()) await file(join(path, e.name), false, sidecars)
        // Folders, and symbolic links (and anything else), followed with a stat as given paths are.
        else later.push(e.isDirectory() ? { name: e.name, kind: 'folder' } : { name: e.name })
      }
    } catch (error) {
      problem(path, `Cannot list the folder (${errorCode(error)}).`)
      return
    }
    for (const e of later.sort((a, b) => byCodeUnits(a.name, b.name))) await visit(join(path, e.name), false, e.kind)
  }

  for (const p of paths) await visit(resolve(cwd, p), true)
  return diagnostics
}

/** What kind of file, other than a plain file or folder, a path is. */
function specialKind(info: Stats): string {
  if (info.isFIFO()) return 'a named pipe'
  if (info.isSocket()) return 'a socket'
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device'
  return 'not a plain file'
}

/**
 * Reads a source and its sidecar; an unreadable file is a diagnostic, not an exception, under the
 * name of the file that could not be read.
 */
export function readSource(source: SourceFile, cwd = process.cwd()): Outcome<SourceInput> {
  // Synchronous, as writeAtomic writes: a round trip through the thread pool per call left a
  // worker idle, and it has nothing else to do while its source is read.
  let bytes: Buffer
  try {
    bytes = readFileSync(source.absolute)
  } catch (error) {
    return { ok: false, diagnostics: [fileDiagnostic(source.path, `Cannot read the file (${errorCode(error)}).`)] }
  }
  if (!source.sidecar) return { ok: true, value: { path: source.path, bytes } }
  const path = displayPath(source.sidecar, cwd)
  try {
    return { ok: true, value: { path: source.path, bytes, sidecar: { path, bytes: readFileSync(source.sidecar) } } }
  } catch (error) {
    return { ok: false, diagnostics: [fileDiagnostic(path, `Cannot read the sidecar (${errorCode(error)}): ${source.path} is not built without it.`)] }
  }
}
