// The citation grammar, over the tokens of one run of text:
//
//   list      := word? item (separator item)* word?       items and separators adjacent; the
//                                                        profile says on which side its word stands
//   item      := date? numbered (dateLink date)?         "1982年10月22日第37/4号", "37/4 of 22 October 1982"
//   word      := resolutionWord | decisionWord           "决议", "resolutions": applies to every item
//   citation  := list | symbol | instrument | date | meeting | session | agendaItem
//              | paragraph | annex | organization
//
// A bracketed year in a number means the Security Council ("242(1967)"), a Roman numeral or a
// slash the General Assembly ("3369(XXX)", "37/4").
import type { CitationKind } from '../types/document.js'
import type { LanguageProfile } from '../lang/profile.js'
import { organizationId } from './organizations.js'
import { isUnSymbol, splitJointSymbol } from './un-symbol.js'
import type { Token } from './citation-tokens.js'

/** A citation found in a text: its span, what it is, and what it says. */
export interface Match {
  readonly kind: CitationKind
  readonly start: number
  readonly end: number
  /** Canonical UN symbol, where the citation has one. */
  readonly symbol?: string
  readonly date?: string
  readonly value?: string
}

export function parseCitations(tokens: readonly Token[], text: string, lang: LanguageProfile): Match[] {
  const out: Match[] = []
  const wordFirst = lang.citations.wordPosition === 'before'
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const opens = wordFirst
      ? isWord(t) && next?.kind === 'numbered' && next.start === t.end
      : t.kind === 'numbered' || (t.kind === 'date' && next?.kind === 'numbered' && next.start === t.end)
    if (opens) {
      i = list(tokens, i, text, lang, out) - 1
      continue
    }
    const single = singleCitation(t, text, lang)
    if (single) out.push(...single)
  }
  return out
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'resolutionWord' || t.kind === 'decisionWord')
}

/**
 * Reads a list of (dated) numbered references from token `i`, its word before it ("resolutions
 * 37/4 of 22 October 1982 and 38/5") or after it ("第37/4号和第38/5号决议"); returns the index after it.
 */
function list(tokens: readonly Token[], i: number, text: string, lang: LanguageProfile, out: Match[]): number {
  const items: { start: number; end: number; number: string; date?: string }[] = []
  const leading = lang.citations.wordPosition === 'before' ? tokens[i] : undefined
  let k = leading ? i + 1 : i
  const dateOf = (t: Token) => lang.citationDate(text.slice(t.start, t.end))
  for (;;) {
    const first = tokens[k]
    if (!first) break
    let date: string | undefined
    let ref = first
    if (first.kind === 'date') {
      const next = tokens[k + 1]
      if (!next || next.kind !== 'numbered' || next.start !== first.end) break
      date = dateOf(first)
      ref = next
      k++
    } else if (first.kind !== 'numbered') break
    let end = ref.end
    // A date after the number, tied to it by its link words: "37/4 of 22 October 1982".
    const link = tokens[k + 1]
    const after = tokens[k + 2]
    if (date === undefined && link?.kind === 'dateLink' && link.start === end && after?.kind === 'date' && after.start === link.end) {
      date = dateOf(after)
      end = after.end
      k += 2
    }
    items.push({ start: items.length === 0 && leading ? leading.start : first.start, end, number: ref.groups[0]!.replace(/\s/g, ''), ...(date ? { date } : {}) })
    k++
    const sep = tokens[k]
    const following = tokens[k + 1]
    if (sep?.kind === 'separator' && sep.start === end && following && following.start === sep.end && (following.kind === 'numbered' || following.kind === 'date')) {
      k++
      continue
    }
    break
  }
  const last = items[items.length - 1]!
  const closing = leading ? undefined : tokens[k]
  const word = leading ?? (closing && closing.start === last.end && isWord(closing) ? closing : undefined)
  if (word && !leading) {
    items[items.length - 1] = { ...last, end: word.end }
    k++
  }
  for (const item of items) {
    const resolved = numberedKind(item.number, word?.kind === 'decisionWord')
    if (!resolved) continue
    out.push({ kind: resolved.kind, start: item.start, end: item.end, symbol: resolved.symbol, ...(item.date ? { date: item.date } : {}), value: item.number })
  }
  return k
}

/** What a number cites: "37/4" a GA resolution (or decision), "3369(XXX)" a GA resolution, "242(1967)" an SC resolution. */
function numberedKind(number: string, decision: boolean): { kind: CitationKind; symbol: string } | null {
  if (/^\d+\/\d+$/.test(number)) return decision ? { kind: 'ga-decision', symbol: `A/DEC/${number}` } : { kind: 'ga-resolution', symbol: `A/RES/${number}` }
  if (/^\d+\([IVXLC]+\)$/.test(number)) return { kind: 'ga-resolution', symbol: `A/RES/${number}` }
  if (/^\d+\(\d{4}\)$/.test(number)) return { kind: 'sc-resolution', symbol: `S/RES/${number}` }
  return null
}

function singleCitation(t: Token, text: string, lang: LanguageProfile): Match[] | null {
  const g = t.groups
  const at = { start: t.start, end: t.end }
  switch (t.kind) {
    case 'symbol':
      return symbols(text.slice(t.start, t.end), t.start)
    case 'instrument':
      return [{ kind: 'instrument', ...at, value: g[0]! }]
    case 'date':
      return [{ kind: 'date', ...at, date: lang.citationDate(text.slice(t.start, t.end)) }]
    case 'meeting':
      return [{ kind: 'meeting', ...at, value: g[0]! }]
    case 'session': {
      const n = lang.numeral(g[1]!)
      return n === null ? null : [{ kind: 'session', ...at, value: `${lang.citations.organs[g[0]!] ?? 'other'}/${n}` }]
    }
    case 'agendaItem':
      return [{ kind: 'agenda-item', ...at, value: g[0]!.replace(/\s/g, '') }]
    case 'paragraph':
      return [{ kind: 'paragraph', ...at, value: g[1] ? `${g[0]}(${g[1]})` : g[0]! }]
    case 'annex':
      return [{ kind: 'annex', ...at }]
    case 'organization': {
      const id = organizationId(lang.tag, text.slice(t.start, t.end))
      return id ? [{ kind: 'organization', ...at, value: id }] : null
    }
    default:
      return null
  }
}

/** The documents of a symbol token: one, or each part of a joint symbol; a closing dot or bracket of the sentence is not part of it. */
export function symbols(raw: string, start: number): Match[] | null {
  const year = / \((\d{4})\)$/.exec(raw)
  if (year) {
    // The year belongs to a Security Council resolution's symbol ("S/RES/1263 (1999)"), to no other.
    const base = raw.slice(0, year.index)
    if (/^S\/RES\/\d+$/.test(base)) return [{ kind: 'document', start, end: start + raw.length, symbol: `${base}(${year[1]})` }]
    return symbols(base, start)
  }
  let s = raw
  const count = (c: string) => s.split(c).length - 1
  while (s.endsWith('.') || s.endsWith('-') || (s.endsWith(')') && count(')') > count('('))) s = s.slice(0, -1)
  if (isUnSymbol(s)) return [{ kind: 'document', start, end: start + s.length, symbol: s }]
  const parts = splitJointSymbol(s)
  if (!parts) return null
  const out: Match[] = []
  let at = start
  for (const p of parts) {
    out.push({ kind: 'document', start: at, end: at + p.length, symbol: p })
    at += p.length + 1
  }
  return out
}

