import { existsSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'
import type { FaceRole, FontFile, Fonts } from '../../lang/profile.js'

/**
 * A face as atoms and a PDF's font resources name it: the package and the path of its file
 * ("@expo-google-fonts/tinos:400Regular/Tinos_400Regular.ttf"). Which faces a text is set in is
 * its language profile's choice (`Typesetting.fonts`); this module only reads them.
 */
export type FaceKey = string

export function faceKey(file: FontFile): FaceKey {
  return `${file.package}:${file.path}`
}

const require = createRequire(import.meta.url)

/** The folder of an installed package; one that exports only its entry point is found above that. */
function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`))
  } catch {
    for (let dir = dirname(require.resolve(name)); dir !== dirname(dir); dir = dirname(dir)) {
      const manifest = join(dir, 'package.json')
      if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) return dir
    }
    throw new Error(`the font package ${name} has no package.json above its entry point`)
  }
}

function fileOf(key: FaceKey): string {
  const colon = key.indexOf(':')
  return join(packageDir(key.slice(0, colon)), key.slice(colon + 1))
}

/** One face: its bytes (what pdfkit embeds, as a subset) and its parsed font, with what the typesetter measures. */
export interface Face {
  readonly key: FaceKey
  readonly bytes: Buffer
  readonly font: fontkit.Font
  /** Font units to the em (fontkit's getter reads the head table at every call: a tenth of a page's drawing, asked per atom). */
  readonly unitsPerEm: number
  /** The glyph that sets a code point, 0 (.notdef) when the face has none. */
  glyph(cp: number): number
  /** Advance of a glyph in font units. */
  glyphAdvance(gid: number): number
  /** Advance of a string in ems: its code points' glyphs side by side, as the PDF draws them (no shaping, as Word sets UN documents). */
  advance(text: string): number
  /** Ascent and descent in ems (descent negative). */
  readonly ascent: number
  readonly descent: number
}

/** Where each table of an OpenType file starts and how long it is, from its table directory. */
function tableDirectory(bytes: Buffer): Map<string, { readonly offset: number; readonly length: number }> {
  const tables = new Map<string, { offset: number; length: number }>()
  const count = bytes.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i
    tables.set(bytes.toString('latin1', record, record + 4), { offset: bytes.readUInt32BE(record + 8), length: bytes.readUInt32BE(record + 12) })
  }
  return tables
}

/** Flags of a composite glyph's component (OpenType 'glyf'): what follows its glyph index. */
const ARG_1_AND_2_ARE_WORDS = 0x0001
const WE_HAVE_A_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
const WE_HAVE_A_TWO_BY_TWO = 0x0080

/**
 * A font file as a buffer of its full size holding every table but its outlines ('glyf', nine
 * tenths of a CJK face), which are read glyph by glyph as glyphs are used (`load`), with the
 * components of composite glyphs: what fontkit and pdfkit's subsetter read of a face. A face with
 * CFF outlines is read whole.
 */
function readFace(file: string): { readonly bytes: Buffer; load(gid: number): void } {
  const fd = openSync(file, 'r')
  const head = Buffer.alloc(12)
  readSync(fd, head, 0, 12, 0)
  const directory = Buffer.alloc(12 + 16 * head.readUInt16BE(4))
  readSync(fd, directory, 0, directory.length, 0)
  const tables = tableDirectory(directory)
  const bytes = Buffer.alloc(fstatSync(fd).size)
  const glyf = tables.get('glyf')
  if (!glyf) {
    readSync(fd, bytes, 0, bytes.length, 0)
    return { bytes, load: () => undefined }
  }
  directory.copy(bytes)
  for (const [tag, t] of tables) if (tag !== 'glyf') readSync(fd, bytes, t.offset, t.length, t.offset)
  const loca = tables.get('loca')!.offset
  const long = bytes.readInt16BE(tables.get('head')!.offset + 50) === 1
  const at = (gid: number) => (long ? bytes.readUInt32BE(loca + 4 * gid) : 2 * bytes.readUInt16BE(loca + 2 * gid))
  const loaded = new Set<number>()
  const load = (gid: number): void => {
    if (loaded.has(gid)) return
    loaded.add(gid)
    const start = glyf.offset + at(gid)
    const length = glyf.offset + at(gid + 1) - start
    if (length <= 0) return
    readSync(fd, bytes, start, length, start)
    if (bytes.readInt16BE(start) >= 0) return
    for (let p = start + 10, flags = MORE_COMPONENTS; flags & MORE_COMPONENTS;) {
      flags = bytes.readUInt16BE(p)
      load(bytes.readUInt16BE(p + 2))
      p += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2)
      p += flags & WE_HAVE_A_SCALE ? 2 : flags & WE_HAVE_AN_X_AND_Y_SCALE ? 4 : flags & WE_HAVE_A_TWO_BY_TWO ? 8 : 0
    }
  }
  load(0)
  return { bytes, load }
}

// Fonts are read and parsed once per process, on first use, and shared by every document (the file
// stays open for the outlines still to read). Only what measuring needs is parsed: a code point's
// glyph from the character map, its advance straight from the metrics table (fontkit's glyph
// objects decode each outline's box for it), and nothing of the layout tables, since nothing is shaped.
const faces = new Map<FaceKey, Face>()

export function face(key: FaceKey): Face {
  let f = faces.get(key)
  if (!f) {
    const { bytes, load } = readFace(fileOf(key))
    const font = fontkit.create(bytes) as fontkit.Font
    keepDecodedOutlines(font)
    const em = font.unitsPerEm
    const tables = tableDirectory(bytes)
    const hmtx = tables.get('hmtx')!.offset
    // hhea's numberOfHMetrics: glyphs after the last metric share its advance.
    const metrics = bytes.readUInt16BE(tables.get('hhea')!.offset + 34)
    const glyphs = new Map<number, number>()
    const advances = new Map<string, number>()
    // Every glyph the typesetter is given has its outline read: it may be drawn.
    const glyph = (cp: number) => {
      let g = glyphs.get(cp)
      if (g === undefined) {
        glyphs.set(cp, (g = font.glyphForCodePoint(cp).id))
        load(g)
      }
      return g
    }
    const glyphAdvance = (gid: number) => bytes.readUInt16BE(hmtx + 4 * Math.min(gid, metrics - 1))
    f = {
      key,
      bytes,
      font,
      unitsPerEm: em,
      ascent: font.ascent / em,
      descent: font.descent / em,
      glyph,
      glyphAdvance,
      advance(text) {
        let a = advances.get(text)
        if (a === undefined) {
          a = 0
          for (const c of text) a += glyphAdvance(glyph(c.codePointAt(0)!))
          advances.set(text, (a /= em))
        }
        return a
      }
    }
    faces.set(key, f)
  }
  return f
}

/**
 * pdfkit's subsetter decodes the outline of every glyph it embeds, to find a composite glyph's
 * components, anew for every document: an eighth of a whole build's time. fontkit keeps one glyph
 * object per id and face, and a face is parsed once per process, so each outline is decoded once.
 * Nothing changes a decoded outline (only a variable font's instances would, and none is used).
 */
function keepDecodedOutlines(font: fontkit.Font): void {
  const getGlyph = font.getGlyph.bind(font)
  const kept = new WeakSet<object>()
  font.getGlyph = (id, codePoints) => {
    const glyph = getGlyph(id, codePoints) as fontkit.Glyph & { _decode?: () => unknown }
    const decode = glyph._decode?.bind(glyph)
    if (decode && !kept.has(glyph)) {
      kept.add(glyph)
      let decoded: { outline: unknown } | undefined
      glyph._decode = () => (decoded ??= { outline: decode() }).outline
    }
    return glyph
  }
}

/** A glyph as the typesetter sets it: a code point's glyph at its advance (in font units), nothing shaped. */
export interface RunGlyph {
  readonly id: number
  readonly advanceWidth: number
  readonly codePoints: number[]
}

// A document repeats its characters and words: each atom's glyphs are looked up once per face and process.
const runs = new WeakMap<Face, Map<string, readonly RunGlyph[]>>()
const RUNS_MAX = 100_000

/** The glyphs that set a text in a face, one per code point, at their advances. */
export function glyphsOf(f: Face, text: string): readonly RunGlyph[] {
  let cache = runs.get(f)
  if (!cache) runs.set(f, (cache = new Map()))
  let run = cache.get(text)
  if (!run) {
    run = [...text].map((c) => {
      const cp = c.codePointAt(0)!
      const id = f.glyph(cp)
      return { id, advanceWidth: f.glyphAdvance(id), codePoints: [cp] }
    })
    if (cache.size >= RUNS_MAX) cache.clear()
    cache.set(text, run)
  }
  return run
}

/** The face of a role in a language's fonts: emphasis is set in the body face where the language has no face for it. */
export function roleFace(fonts: Fonts, role: FaceRole): FaceKey {
  return faceKey(role === 'emphasis' ? (fonts.emphasis ?? fonts.body) : fonts[role])
}

const chains = new WeakMap<Fonts, Record<FaceRole, readonly FaceKey[]>>()

/** Faces tried in turn for a character of a role: the role's own, the running text's, the other roles', then the fallbacks. */
function chain(fonts: Fonts, role: FaceRole): readonly FaceKey[] {
  let c = chains.get(fonts)
  if (!c) {
    const fallback = fonts.fallback.map(faceKey)
    const [body, heading, emphasis] = (['body', 'heading', 'emphasis'] as const).map((r) => roleFace(fonts, r))
    const of = (...keys: FaceKey[]) => [...new Set([...keys, ...fallback])]
    chains.set(fonts, (c = { body: of(body!, heading!), heading: of(heading!, body!), emphasis: of(emphasis!, body!, heading!) }))
  }
  return c[role]
}

/** The face that sets a character in a role: the first of its chain with a glyph, or undefined if none has one. */
export function faceFor(fonts: Fonts, role: FaceRole, c: string): FaceKey | undefined {
  const cp = c.codePointAt(0)!
  return chain(fonts, role).find((key) => face(key).glyph(cp) !== 0)
}
