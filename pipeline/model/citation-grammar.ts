// The citation grammar, over the tokens of one run of text:
//
//   list      := item (separator item)* closing?        items and separators adjacent
//   item      := date? numbered                          "1982年10月22日第37/4号"
//   closing   := resolutionWord | decisionWord           "决议" applies to every item of the list
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
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    if (t.kind === 'numbered' || (t.kind === 'date' && tokens[i + 1]?.kind === 'numbered' && tokens[i + 1]!.start === t.end)) {
      i = list(tokens, i, text, lang, out) - 1
      continue
    }
    const single = singleCitation(t, text, lang)
    if (single) out.push(...single)
  }
  return out
}

/** Reads a list of (dated) numbered references from token `i`; returns the index after it. */
function list(tokens: readonly Token[], i: number, text: string, lang: LanguageProfile, out: Match[]): number {
  const items: { start: number; end: number; number: string; date?: string }[] = []
  let k = i
  for (;;) {
    const first = tokens[k]
    if (!first) break
    let date: string | undefined
    let ref = first
    if (first.kind === 'date') {
      const next = tokens[k + 1]
      if (!next || next.kind !== 'numbered' || next.start !== first.end) break
      date = lang.citationDate(text.slice(first.start, first.end))
      ref = next
      k++
    } else if (first.kind !== 'numbered') break
    items.push({ start: first.start, end: ref.end, number: ref.groups[0]!.replace(/\s/g, ''), ...(date ? { date } : {}) })
    k++
    const sep = tokens[k]
    const after = tokens[k + 1]
    if (sep?.kind === 'separator' && sep.start === ref.end && after && after.start === sep.end && (after.kind === 'numbered' || after.kind === 'date')) {
      k++
      continue
    }
    break
  }
  const last = items[items.length - 1]!
  const closing = tokens[k]
  const word = closing && closing.start === last.end && (closing.kind === 'resolutionWord' || closing.kind === 'decisionWord') ? closing : undefined
  if (word) {
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
      return [{ kind: 'paragraph', ...at, value: g[2] ? `${g[1]}(${g[2]})` : g[1]! }]
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

