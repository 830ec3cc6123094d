import type { CitationWords, LanguageProfile } from '../lang/profile.js'
import { organizationNames } from './organizations.js'

export type TokenKind =
  | 'instrument'
  | 'symbol'
  | 'symbolSuffix'
  | 'date'
  | 'dateLink'
  | 'numbered'
  | 'resolutionWordFirst'
  | 'resolutionWord'
  | 'decisionWord'
  | 'separator'
  | 'range'
  | 'meeting'
  | 'session'
  | 'agendaItem'
  | 'paragraph'
  | 'annex'
  | 'organization'

/** A token of citation grammar: its kind, its span in the text, and its own groups. */
export interface Token {
  readonly kind: TokenKind
  readonly start: number
  readonly end: number
  readonly groups: readonly (string | undefined)[]
}

/**
 * A document symbol's shape; the symbol grammar (un-symbol.ts) then decides whether it is one. The
 * Security Council's resolutions are printed with a space before their year: "S/RES/1263 (1999)".
 */
export const SYMBOL = '(?<![A-Za-z0-9/.:-])[A-Z][A-Z0-9]{0,9}(?:/[A-Za-z0-9.()\\-]+)+(?:\\s\\(\\d{4}\\))?'

/** The suffixes of a symbol standing for it and them after a symbol they share a base with: "A/53/L.23/Rev.1和Rev.1/Add.1". */
const SYMBOL_SUFFIX = '(?<![A-Za-z0-9/.:-])(?:Rev|Add|Corr|Amend)\\.\\d+(?:/(?:Rev|Add|Corr|Amend)\\.\\d+)*'

interface Lexer {
  readonly pattern: RegExp
  readonly kinds: readonly TokenKind[]
  /** The outer group of each alternative, to tell which one matched. */
  readonly groupStarts: readonly number[]
  readonly own: ReadonlyMap<TokenKind, RegExp>
}

const lexers = new Map<string, Lexer>()

/**
 * One regular expression for every token kind, alternatives in priority order (an instrument's
 * title quotes win over the organization inside them). Each alternative is a plain sequence of
 * bounded repeats, so the scan is one linear pass; a token's groups are read afterwards by its
 * own pattern, anchored on the token alone.
 */
function lexer(lang: LanguageProfile): Lexer {
  const cached = lexers.get(lang.tag)
  if (cached) return cached
  const c: CitationWords = lang.citations
  const names = organizationNames(lang.tag).map((o) => o.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
  const sources: [TokenKind, string][] = [
    ['instrument', c.instrument],
    ['symbol', SYMBOL],
    ['symbolSuffix', SYMBOL_SUFFIX],
    ['session', c.session],
    ['agendaItem', c.agendaItem],
    ['meeting', c.meeting],
    ['date', c.date],
    ...(c.dateLink ? ([['dateLink', c.dateLink]] as [TokenKind, string][]) : []),
    ['numbered', c.numbered],
    ['paragraph', c.paragraph],
    ['annex', c.annex],
    ...(c.resolutionWordFirst ? ([['resolutionWordFirst', c.resolutionWordFirst]] as [TokenKind, string][]) : []),
    ['resolutionWord', c.resolutionWord],
    ['decisionWord', c.decisionWord],
    ['separator', c.separator],
    ['range', c.range],
    ...(names.length ? ([['organization', names.join('|')]] as [TokenKind, string][]) : [])
  ]
  const pattern = new RegExp(sources.map(([, src]) => `(${src})`).join('|'), 'gu')
  const built: Lexer = {
    pattern,
    kinds: sources.map(([k]) => k),
    groupStarts: alternativeGroupIndexes(pattern.source, sources.length),
    own: new Map(sources.map(([k, src]) => [k, new RegExp(`^(?:${src})$`, 'u')]))
  }
  lexers.set(lang.tag, built)
  return built
}

/** The citation tokens of a text, in order, not overlapping. */
export function tokenize(text: string, lang: LanguageProfile): Token[] {
  const { pattern, kinds, own, groupStarts } = lexer(lang)
  const tokens: Token[] = []
  // exec on the one shared pattern, not matchAll, which copies the large pattern on every call
  // (once per text node): that copy cost as much as the scan.
  pattern.lastIndex = 0
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (m[0] === '') {
      pattern.lastIndex++
      continue
    }
    const k = groupStarts.findIndex((g) => m![g] !== undefined)
    const kind = kinds[k]!
    const groups = own.get(kind)!.exec(m[0])?.slice(1) ?? []
    tokens.push({ kind, start: m.index, end: m.index + m[0].length, groups })
  }
  return tokens
}

/** Index of the outer capturing group of each top-level alternative in the joined pattern. */
function alternativeGroupIndexes(source: string, count: number): number[] {
  const out: number[] = []
  let group = 0
  let depth = 0
  let inClass = false
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]
    if (ch === '\\') {
      i++
      continue
    }
    if (inClass) {
      if (ch === ']') inClass = false
      continue
    }
    if (ch === '[') inClass = true
    else if (ch === '(') {
      const capturing = source[i + 1] !== '?'
      if (capturing) {
        group++
        if (depth === 0) out.push(group)
      }
      depth++
    } else if (ch === ')') depth--
  }
  if (out.length !== count) throw new Error('crossref: could not index the token alternatives')
  return out
}
