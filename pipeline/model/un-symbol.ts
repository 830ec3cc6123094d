import type { Metadata } from '../types/document.js'

// The grammar of UN document symbols, read as components separated by "/":
//   symbol  := series ("/" component)* suffix*
//   series  := A | S | E | ST | UNEP | TD | DP | ... (a body's series letters)
//   suffix  := "/" ("Add." | "Rev." | "Corr." | "Amend." | "Summary" ...) number?
//   joint   := symbol ("-" symbol)+        e.g. A/67/280-S/2012/614
// Components are upper-case letters, digits, dots and a bracketed year or Roman session
// ("3369(XXX)", "242(1967)"), the lower-case part of a few series ("E/CN.4/2005/L.10"), and
// words of the Security Council's agenda and sub-bodies ("S/Agenda/1769", "E/CN.4/Sub.2/1999/2"),
// and the General Assembly's special and emergency special sessions ("A/S-27/19", "A/ES-10/273",
// "A/RES/ES-10/19"), the only components with a hyphen.

const SERIES = [
  'A',
  'S',
  'E',
  'ST',
  'UNEP',
  'TD',
  'DP',
  'CRC',
  'CEDAW',
  'CCPR',
  'CAT',
  'CERD',
  'CESCR',
  'CMW',
  'CRPD',
  'CED',
  'HRC',
  'ICEF',
  'UNW',
  'ECE',
  'ESCAP',
  'ECA',
  'ECLAC',
  'ESCWA',
  'UNCTAD',
  'UNHCR',
  'FCCC',
  'UNODC',
  'TRADE',
  'JIU',
  'ACC',
  'ACABQ',
  'ILC',
  'PBC',
  'SG',
  // Press releases, cited by symbol too ("SC/7791-IK/365").
  'SC',
  'GA',
  'IK',
  'ECOSOC',
  'HR',
  'DEV',
  'ORG',
  'OBV',
  'SAG',
  'SOC',
  'WOM',
  'ENV'
] as const

const SERIES_SET = new Set<string>(SERIES)
const COMPONENT = /^(?:[A-Z0-9]+(?:\.[A-Za-z0-9]+)*(?:\([A-Z0-9]+\))?|\d+\([A-Z0-9]+\)|[A-Z][a-z]+(?:\.\d+)?|E?S-\d{1,2})$/
const SUFFIX = /^(?:Add|Rev|Corr|Amend|Summary|Excerpt)\.?\d*$/

/** True when `s` is the series letters of a UN body ("A", "E", "ST"): what a symbol starts with. */
export function isSeries(s: string): boolean {
  return SERIES_SET.has(s)
}

/** True when `s` is one UN document symbol, e.g. "A/RES/67/264", "S/2005/826", "A/C.3/67/L.5/Rev.1". */
export function isUnSymbol(s: string): boolean {
  // Every symbol numbers something: a session, a year, a document ("A/B" is a phrase, not a symbol).
  if (s.length > 80 || !s.includes('/') || !/\d/.test(s)) return false
  const parts = s.split('/')
  if (!SERIES_SET.has(parts[0]!)) return false
  if (parts.length < 2) return false
  for (let i = 1; i < parts.length; i++) {
    const p = parts[i]!
    if (!(COMPONENT.test(p) || SUFFIX.test(p))) return false
  }
  return true
}

/** The symbols of a joint symbol ("A/67/280-S/2012/614" is two documents), or null if it is none. */
export function splitJointSymbol(s: string): string[] | null {
  if (isUnSymbol(s)) return [s]
  const parts: string[] = []
  let start = 0
  // A hyphen starts a new symbol only where the rest begins with a series and a slash.
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '-' && /^[A-Z]+\//.test(s.slice(i + 1)) && SERIES_SET.has(s.slice(i + 1).split('/')[0]!)) {
      parts.push(s.slice(start, i))
      start = i + 1
    }
  }
  parts.push(s.slice(start))
  return parts.length > 1 && parts.every(isUnSymbol) ? parts : null
}

/** A resolution's own number gives its symbol: 67/264 → A/RES/67/264, 1624(2005) → S/RES/1624(2005). */
export function symbolFromNumber(kind: Metadata['kind'], number: string | undefined): string | undefined {
  if (!number) return undefined
  if (kind === 'ga-resolution' && /^\d+\/\d+$/.test(number)) return `A/RES/${number}`
  if (kind === 'ga-resolution' && /^\d+\([IVXLC]+\)$/.test(number)) return `A/RES/${number}`
  if (kind === 'ga-decision' && /^\d+\/\d+$/.test(number)) return `A/DEC/${number}`
  if (kind === 'sc-resolution' && /^\d+\(\d{4}\)$/.test(number)) return `S/RES/${number}`
  return undefined
}

/**
 * The kind a document's own symbol names, which wins over the grammar's guess: a General Assembly
 * resolution numbered above 400 is still a resolution when its symbol says A/RES.
 */
export function kindOfSymbol(symbol: string | undefined): Metadata['kind'] | undefined {
  const series = symbol ? /^(A\/RES|A\/DEC|S\/RES|S\/PRST)\//.exec(symbol)?.[1] : undefined
  return series ? SYMBOL_KINDS[series] : undefined
}

const SYMBOL_KINDS: Readonly<Record<string, Metadata['kind']>> = {
  'A/RES': 'ga-resolution',
  'A/DEC': 'ga-decision',
  'S/RES': 'sc-resolution',
  'S/PRST': 'sc-presidential-statement'
}

/** The organ whose series a symbol belongs to: S/PRST/2012/1 → SC, A/65/100 → GA, E/2012/1 → ECOSOC. */
export function organOfSymbol(symbol: string | undefined): Metadata['organ'] | undefined {
  const series = symbol?.split('/')[0]
  return series === 'S' ? 'SC' : series === 'A' ? 'GA' : series === 'E' ? 'ECOSOC' : undefined
}

/** A symbol as the UN prints it: the Security Council writes a space before the year ("S/RES/2999 (2024)"). */
export function printedSymbol(symbol: string): string {
  return symbol.replace(/(\d)\((\d{4})\)$/, '$1 ($2)')
}

/** Resolutions and decisions are always for general distribution. */
export function isGeneralDistribution(symbol: string): boolean {
  return /^(?:A|S|E)(?:\/[A-Z.0-9]+)*\/(?:RES|DEC)\//.test(symbol)
}
