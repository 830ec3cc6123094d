import type { FontFile } from './profile.js'

/*
 * The font files the profiles set their languages in, all from npm packages under the SIL Open
 * Font License 1.1. Complete static TrueType instances (not web subsets): pdfkit subsets TrueType
 * outlines fast, and one file covers a language's whole repertoire.
 */

/** Noto Serif SC Regular: a Song face for Chinese running text, about 31,000 glyphs, its Latin designed with its Han. */
export const NOTO_SERIF_SC: FontFile = { package: '@expo-google-fonts/noto-serif-sc', path: '400Regular/NotoSerifSC_400Regular.ttf' }
/** Noto Sans SC Bold: a Hei face for Chinese headings and mastheads. */
export const NOTO_SANS_SC_BOLD: FontFile = { package: '@expo-google-fonts/noto-sans-sc', path: '700Bold/NotoSansSC_700Bold.ttf' }
/** Noto Sans Hans DemiLight (GB 2312, CFF outlines): a last fallback for Han characters. */
export const NOTO_SANS_HANS_LIGHT: FontFile = { package: '@embedpdf/fonts-sc', path: 'fonts/NotoSansHans-DemiLight.otf' }
/** Tinos (Regular, Bold, Italic): metric-compatible with Times New Roman, the face of the UN's English documents. */
export const TINOS: FontFile = { package: '@expo-google-fonts/tinos', path: '400Regular/Tinos_400Regular.ttf' }
export const TINOS_BOLD: FontFile = { package: '@expo-google-fonts/tinos', path: '700Bold/Tinos_700Bold.ttf' }
export const TINOS_ITALIC: FontFile = { package: '@expo-google-fonts/tinos', path: '400Regular_Italic/Tinos_400Regular_Italic.ttf' }
