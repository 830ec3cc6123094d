import { existsSync, readFileSync } from 'node:fs'
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

/** Where each table of an OpenType file starts, from its table directory. */
function tableOffsets(bytes: Buffer): Map<string, number> {
  const offsets = new Map<string, number>()
  const count = bytes.readUInt16BE(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + 16 * i
    offsets.set(bytes.toString('latin1', record, record + 4), bytes.readUInt32BE(record + 8))
  }
  return offsets
}

// Fonts are read and parsed once per process, on first use, and shared by every document. Only
// what measuring needs is read of them: a code point's glyph from the character map, its advance
// straight from the metrics table (fontkit's glyph objects decode each outline's box for it), and
// nothing of the layout tables, since nothing is shaped.
const faces = new Map<FaceKey, Face>()

export function face(key: FaceKey): Face {
  let f = faces.get(key)
  if (!f) {
    const bytes = readFileSync(fileOf(key))
    const font = fontkit.create(bytes) as fontkit.Font
    const em = font.unitsPerEm
    const tables = tableOffsets(bytes)
    const hmtx = tables.get('hmtx')!
    // hhea's numberOfHMetrics: glyphs after the last metric share its advance.
    const metrics = bytes.readUInt16BE(tables.get('hhea')! + 34)
    const glyphs = new Map<number, number>()
    const advances = new Map<string, number>()
    const glyph = (cp: number) => {
      let g = glyphs.get(cp)
      if (g === undefined) glyphs.set(cp, (g = font.glyphForCodePoint(cp).id))
      return g
    }
    const glyphAdvance = (gid: number) => bytes.readUInt16BE(hmtx + 4 * Math.min(gid, metrics - 1))
    f = {
      key,
      bytes,
      font,
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

/** The face of a role in a language's fonts. */
export function roleFace(fonts: Fonts, role: FaceRole): FaceKey {
  return faceKey(fonts[role])
}

const chains = new WeakMap<Fonts, Record<FaceRole, readonly FaceKey[]>>()

/** Faces tried in turn for a character of a role: the role's own, the other role's, then the fallbacks. */
function chain(fonts: Fonts, role: FaceRole): readonly FaceKey[] {
  let c = chains.get(fonts)
  if (!c) {
    const fallback = fonts.fallback.map(faceKey)
    chains.set(fonts, (c = { body: [roleFace(fonts, 'body'), roleFace(fonts, 'heading'), ...fallback], heading: [roleFace(fonts, 'heading'), roleFace(fonts, 'body'), ...fallback] }))
  }
  return c[role]
}

/** The face that sets a character in a role: the first of its chain with a glyph, or undefined if none has one. */
export function faceFor(fonts: Fonts, role: FaceRole, c: string): FaceKey | undefined {
  const cp = c.codePointAt(0)!
  return chain(fonts, role).find((key) => face(key).glyph(cp) !== 0)
}
