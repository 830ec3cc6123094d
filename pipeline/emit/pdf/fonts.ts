import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

/**
 * The faces of a printed edition. Body text is set in a Song (serif) face, as the UN's Chinese
 * editions are; headings and the masthead in a Hei (sans) face. All come from npm packages, under
 * the SIL Open Font License 1.1:
 * - Noto Serif SC Regular and Noto Sans SC Bold, Google Fonts' complete static instances (about
 *   31 000 glyphs each, TrueType outlines, which pdfkit subsets fast), from
 *   `@expo-google-fonts/noto-serif-sc` and `@expo-google-fonts/noto-sans-sc`;
 * - Noto Sans Hans DemiLight (GB 2312, CFF outlines) from `@embedpdf/fonts-sc`, a last fallback.
 * Their Latin letters and digits are designed with the Chinese ones, so Latin is set in the same face.
 */
export type FaceName = 'serif' | 'sans' | 'sansLight'

const require = createRequire(import.meta.url)
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`))

const FILES: Record<FaceName, string> = {
  serif: join(packageDir('@expo-google-fonts/noto-serif-sc'), '400Regular', 'NotoSerifSC_400Regular.ttf'),
  sans: join(packageDir('@expo-google-fonts/noto-sans-sc'), '700Bold', 'NotoSansSC_700Bold.ttf'),
  // The package exports only its entry point (dist/), beside which its fonts lie.
  sansLight: join(dirname(require.resolve('@embedpdf/fonts-sc')), '..', 'fonts', 'NotoSansHans-DemiLight.otf')
}

/** Faces tried in turn for a character, by the face a style asks for: the first that has a glyph sets it. */
const FALLBACK: Record<FaceName, readonly FaceName[]> = {
  serif: ['serif', 'sans', 'sansLight'],
  sans: ['sans', 'serif', 'sansLight'],
  sansLight: ['sansLight', 'serif', 'sans']
}

/** One face: its bytes (what pdfkit embeds, as a subset) and its parsed font (what the typesetter measures with). */
export interface Face {
  readonly name: FaceName
  readonly bytes: Buffer
  readonly font: fontkit.Font
  /** Advance of a character in ems, cached: every character of every document is measured here. */
  advance(c: string): number
  /** Ascent and descent in ems (descent negative). */
  readonly ascent: number
  readonly descent: number
}

// Fonts are read and parsed once per process, on first use, and shared by every document.
const faces = new Map<FaceName, Face>()

export function face(name: FaceName): Face {
  let f = faces.get(name)
  if (!f) {
    const bytes = readFileSync(FILES[name])
    const font = fontkit.create(bytes) as fontkit.Font
    const em = font.unitsPerEm
    const advances = new Map<string, number>()
    f = {
      name,
      bytes,
      font,
      ascent: font.ascent / em,
      descent: font.descent / em,
      advance(c) {
        let a = advances.get(c)
        if (a === undefined) {
          a = c.length === 1 || [...c].length === 1 ? font.glyphForCodePoint(c.codePointAt(0)!).advanceWidth / em : font.layout(c).advanceWidth / em
          advances.set(c, a)
        }
        return a
      }
    }
    faces.set(name, f)
  }
  return f
}

const coverage = new Map<FaceName, Map<number, boolean>>()

function has(name: FaceName, cp: number): boolean {
  let m = coverage.get(name)
  if (!m) coverage.set(name, (m = new Map()))
  let v = m.get(cp)
  if (v === undefined) m.set(cp, (v = face(name).font.hasGlyphForCodePoint(cp)))
  return v
}

/** The face that sets a character in a style: the first of its fallback chain with a glyph, or undefined if none has one. */
export function faceFor(style: FaceName, c: string): FaceName | undefined {
  const cp = c.codePointAt(0)!
  return FALLBACK[style].find((name) => has(name, cp))
}
