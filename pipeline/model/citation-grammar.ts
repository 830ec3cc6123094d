// The citation grammar, over the tokens of one run of text:
//
//   list      := word? item (separator item)* word?       items and separators adjacent; the
//                                                        profile says on which side its word stands
//   item      := date? numbered (dateLink date)?         "1982年10月22日第37/4号", "37/4 of 22 October 1982"
//   numbered  := ordinal? number (separator number)* "号"?  "第2121(2013)、2127(2013)和2399(2018)号":
//                                                        each number is a reference of its own
//   separator := separator | range                       a range ("至", " to ") is its two ends,
//                                                        marked as such ("第731(1992)至748(1992)号")
//   word      := resolutionWord | decisionWord           "决议", "resolutions": applies to every item
//   symbols   := symbol (separator symbolSuffix)*         "A/53/L.23/Rev.1和Rev.1/Add.1"
//   citation  := list | resolutionWordFirst | symbols | instrument | date | meeting | session
//              | agendaItem | paragraph | annex | organization
//
// A bracketed year in a number means the Security Council ("242(1967)"), a Roman numeral or a
// slash the General Assembly ("3369(XXX)", "37/4"); before 1976 the Chinese editions wrote the
// session in numerals of their own ("三九六(五)" is 396(V)).
//
// A date may leave out its year or month, carried over from the date just before it in a list
// ("十月二十二日第338(1973)号、十月二十五日第340(1973)号", "9月6日至8日"): a date without a year
// is read only right after a date and a separator, never across a sentence.
import type { CalendarDay } from '../core/calendar-day.js'
import { romanNumeral } from '../core/roman.js'
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
  /** An end of a range of references ("第731(1992)至748(1992)号"): the first, or the last, which is the next match. */
  readonly range?: 'from' | 'upTo'
  /** Why the citation was read other than as printed (an OCR letter for a digit), for a warning. */
  readonly repaired?: { readonly ruleId: string; readonly reason: string }
}

/** The last date read and where its list item ends: what a date without a year right after it takes its year from. */
interface Carry {
  readonly from: CalendarDay
  readonly end: number
}

export function parseCitations(tokens: readonly Token[], text: string, lang: LanguageProfile): Match[] {
  const out: Match[] = []
  let carry: Carry | undefined
  const wordFirst = lang.citations.wordPosition === 'before'
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!
    const next = tokens[i + 1]
    const opens = wordFirst ? isWord(t) && next?.kind === 'numbered' && next.start === t.end : t.kind === 'numbered' || (t.kind === 'date' && next?.kind === 'numbered' && next.start === t.end)
    if (opens) {
      const read = list(tokens, i, text, lang, carry, out)
      i = read.next - 1
      carry = read.carry
      continue
    }
    if (t.kind === 'symbolSuffix') {
      const suffixed = suffixedSymbol(tokens, i, text, out[out.length - 1])
      if (suffixed) out.push(suffixed)
      continue
    }
    if (t.kind === 'date') {
      const read = lang.citationDate(text.slice(t.start, t.end), carriedFrom(tokens, i, carry))
      if (read) out.push({ kind: 'date', start: t.start, end: t.end, date: read.iso })
      carry = read?.last ? { from: read.last, end: t.end } : undefined
      continue
    }
    const single = singleCitation(t, text, lang)
    if (single) out.push(...single)
  }
  return out
}

/**
 * A symbol written as suffixes after a symbol and a separator ("A/53/L.23/Rev.1和Rev.1/Add.1"):
 * the symbol before it up to the suffix it starts with, or the whole of it, with the suffixes.
 */
function suffixedSymbol(tokens: readonly Token[], i: number, text: string, previous: Match | undefined): Match | null {
  const t = tokens[i]!
  const sep = tokens[i - 1]
  if (!previous?.symbol || previous.kind !== 'document' || sep?.kind !== 'separator' || sep.end !== t.start || previous.end !== sep.start) return null
  const suffixes = text.slice(t.start, t.end)
  const parts = previous.symbol.split('/')
  const first = suffixes.split('.')[0]!
  const cut = parts.findIndex((p, k) => k > 0 && p.startsWith(`${first}.`))
  const symbol = `${(cut === -1 ? parts : parts.slice(0, cut)).join('/')}/${suffixes}`
  return isUnSymbol(symbol) ? { kind: 'document', start: t.start, end: t.end, symbol } : null
}

function isWord(t: Token | undefined): boolean {
  return t !== undefined && (t.kind === 'resolutionWord' || t.kind === 'decisionWord')
}

/** The date a date without a year at token `i` carries its year from: the last one read, if only a separator stands between them. */
function carriedFrom(tokens: readonly Token[], i: number, carry: Carry | undefined): CalendarDay | undefined {
  const sep = tokens[i - 1]
  return carry && sep?.kind === 'separator' && sep.start === carry.end && sep.end === tokens[i]!.start ? carry.from : undefined
}

/**
 * Reads a list of (dated) numbered references from token `i`, its word before it ("resolutions
 * 37/4 of 22 October 1982 and 38/5") or after it ("第37/4号和第38/5号决议"); returns the index
 * after it and the date a next one may carry over.
 */
function list(tokens: readonly Token[], i: number, text: string, lang: LanguageProfile, before: Carry | undefined, out: Match[]): { next: number; carry: Carry | undefined } {
  // Each item's date, with where it is written (a date stays one when its number cites nothing).
  const items: { start: number; end: number; number: string; date?: { iso: string; start: number; end: number }; range?: 'from' | 'upTo' }[] = []
  const range = rangeWord(lang)
  // Whether the next token's first number follows a range word: the last end of a range whose first is the item before it.
  let afterRange = false
  const leading = lang.citations.wordPosition === 'before' ? tokens[i] : undefined
  let k = leading ? i + 1 : i
  let carry = carriedFrom(tokens, i, before) ? before : undefined
  for (;;) {
    const first = tokens[k]
    if (!first) break
    let date: { iso: string; start: number; end: number } | undefined
    let ref = first
    if (first.kind === 'date') {
      const next = tokens[k + 1]
      if (!next || next.kind !== 'numbered' || next.start !== first.end) break
      const read = lang.citationDate(text.slice(first.start, first.end), carriedFrom(tokens, k, carry))
      date = read ? { iso: read.iso, start: first.start, end: first.end } : undefined
      carry = read?.last ? { from: read.last, end: next.end } : carry
      ref = next
      k++
    } else if (first.kind !== 'numbered') break
    let end = ref.end
    // A date after the number, tied to it by its link words: "37/4 of 22 October 1982".
    const link = tokens[k + 1]
    const after = tokens[k + 2]
    if (date === undefined && link?.kind === 'dateLink' && link.start === end && after?.kind === 'date' && after.start === link.end) {
      const read = lang.citationDate(text.slice(after.start, after.end))
      date = read ? { iso: read.iso, start: after.start, end: after.end } : undefined
      carry = read?.last ? { from: read.last, end: after.end } : carry
      end = after.end
      k += 2
    }
    const numbers = [...text.slice(ref.start, ref.end).matchAll(new RegExp(lang.citations.number, 'gu'))]
    numbers.forEach((n, j) => {
      const start = j > 0 ? ref.start + n.index : items.length === 0 && leading ? leading.start : first.start
      const stop = j === numbers.length - 1 ? end : ref.start + n.index + n[0].length
      const before = numbers[j - 1]
      const ranged = before ? range.test(text.slice(ref.start + before.index + before[0].length, ref.start + n.index)) : afterRange
      // An end of one range is not the first of another ("A至B至C" is no range of ranges).
      const from = ranged ? items[items.length - 1] : undefined
      const upTo = from !== undefined && from.range === undefined
      if (upTo) from.range = 'from'
      items.push({ start, end: stop, number: n[0], ...(date && j === 0 ? { date } : {}), ...(upTo ? { range: 'upTo' as const } : {}) })
    })
    if (carry) carry = { from: carry.from, end }
    k++
    const sep = tokens[k]
    const following = tokens[k + 1]
    if ((sep?.kind === 'separator' || sep?.kind === 'range') && sep.start === end && following && following.start === sep.end && (following.kind === 'numbered' || following.kind === 'date')) {
      afterRange = sep.kind === 'range'
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
    if (carry) carry = { from: carry.from, end: word.end }
    k++
  }
  const otherBody = issuedElsewhere(text, items[0]!.start, lang)
  const read = items.map((item) => {
    const resolved = numberedKind(item.number, word?.kind === 'decisionWord', lang)
    // Another body's resolutions ("Human Rights Council resolution 31/1") are numbered as the General Assembly's are: they are none of its.
    return { item, resolved: otherBody && resolved && resolved.kind !== 'sc-resolution' ? null : resolved }
  })
  read.forEach(({ item, resolved }, j) => {
    if (!resolved) {
      if (item.date) out.push({ kind: 'date', start: item.date.start, end: item.date.end, date: item.date.iso })
      return
    }
    // A range is one of two ends of one kind: an end that is not read, or of another kind, leaves the other a reference alone.
    const other = item.range === 'from' ? read[j + 1] : item.range === 'upTo' ? read[j - 1] : undefined
    const range = other?.resolved?.kind === resolved.kind ? item.range : undefined
    out.push({ kind: resolved.kind, start: item.start, end: item.end, symbol: resolved.symbol, ...(item.date ? { date: item.date.iso } : {}), value: resolved.number, ...(range ? { range } : {}) })
  })
  return { next: k, carry }
}

/** Whether the body a profile's `otherBody` names stands right before a list of references starting at `start`. */
const otherBodies = new WeakMap<LanguageProfile, RegExp>()
function issuedElsewhere(text: string, start: number, lang: LanguageProfile): boolean {
  if (lang.citations.otherBody === undefined) return false
  let re = otherBodies.get(lang)
  if (!re) otherBodies.set(lang, (re = new RegExp(`(?:${lang.citations.otherBody})\\s?$`, 'u')))
  return re.test(text.slice(Math.max(0, start - 80), start))
}

/** The regular expression of a profile's range word, made once per profile. */
const rangeWords = new WeakMap<LanguageProfile, RegExp>()
function rangeWord(lang: LanguageProfile): RegExp {
  let re = rangeWords.get(lang)
  if (!re) rangeWords.set(lang, (re = new RegExp(lang.citations.range, 'u')))
  return re
}

/** The General Assembly's first session whose resolutions and records are numbered by session (31/1, A/31/PV.1; 1976). */
export const FIRST_NUMBERED_SESSION = 31

/**
 * What a number cites: "37/4" a GA resolution (or decision), "3369(XXX)" or "三九六(五)" a GA
 * resolution of a numbered session, "242(1967)" an SC resolution; with its canonical number.
 */
function numberedKind(written: string, decision: boolean, lang: LanguageProfile): { kind: CitationKind; symbol: string; number: string } | null {
  // A part of a resolution ("50/28 B") is cited by the resolution's symbol.
  const slash = /^(\d+)\s?\/\s?(\d+)(?:\s?([A-Z]))?$/.exec(written)
  if (slash) {
    // The General Assembly has numbered its resolutions and decisions by session since its thirty-first (1976), a
    // session below a thousand: "14/221" or "1996/31" is another body's (the League of Arab States', ECOSOC's).
    if (Number(slash[1]) < FIRST_NUMBERED_SESSION || slash[1]!.length > 3) return null
    const symbol = `${slash[1]}/${slash[2]}`
    const number = slash[3] ? `${symbol} ${slash[3]}` : symbol
    return decision ? { kind: 'ga-decision', symbol: `A/DEC/${symbol}`, number } : { kind: 'ga-resolution', symbol: `A/RES/${symbol}`, number }
  }
  const bracketed = /^(\S+?)\s?[(（]\s?(\S+?)\s?[)）]$/u.exec(written)
  if (!bracketed) return null
  const n = lang.numeral(bracketed[1]!)
  const within = bracketed[2]!
  if (n === null || n < 1) return null
  if (/^[IVXLC]+$/.test(within)) return { kind: 'ga-resolution', symbol: `A/RES/${n}(${within})`, number: `${n}(${within})` }
  const value = lang.numeral(within)
  if (value === null || value < 1) return null
  // Four digits are the year of a Security Council resolution; a smaller number is the session of the General Assembly.
  if (value >= 1945 && [...within].length === 4) return { kind: 'sc-resolution', symbol: `S/RES/${n}(${value})`, number: `${n}(${value})` }
  if (value > 30) return null
  const session = romanNumeral(value)
  return { kind: 'ga-resolution', symbol: `A/RES/${n}(${session})`, number: `${n}(${session})` }
}

function singleCitation(t: Token, text: string, lang: LanguageProfile): Match[] | null {
  const g = t.groups
  const at = { start: t.start, end: t.end }
  switch (t.kind) {
    case 'symbol':
      return symbols(text.slice(t.start, t.end), t.start)
    case 'instrument':
      return [{ kind: 'instrument', ...at, value: g[0]! }]
    case 'resolutionWordFirst': {
      const resolved = numberedKind(g[0]!, false, lang)
      return resolved ? [{ kind: resolved.kind, ...at, symbol: resolved.symbol, value: resolved.number }] : null
    }
    case 'meeting':
      return [{ kind: 'meeting', ...at, value: g[0]! }]
    case 'session': {
      const n = lang.numeral(g[1]!)
      return n === null ? null : [{ kind: 'session', ...at, value: `${lang.citations.organs[g[0]!] ?? 'other'}/${n}` }]
    }
    case 'agendaItem':
      return [{ kind: 'agenda-item', ...at, value: g[0]!.replace(/\s/g, '') }]
    case 'paragraph':
      return paragraphs(t, text, lang)
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

/**
 * The paragraphs a paragraph token cites: one ("上文第3段", "paragraph 7 (b) above"), or the two
 * ends of a range ("第3至5段", "paragraphs 3 to 5"), split at the range word between them.
 */
function paragraphs(t: Token, text: string, lang: LanguageProfile): Match[] {
  const g = t.groups
  const value = g[1] ? `${g[0]}(${g[1]})` : g[0]!
  const first = text.indexOf(g[0]!, t.start) + g[0]!.length
  const word = rangeWord(lang).exec(text.slice(first, t.end))
  const last = word ? /\d+/.exec(text.slice(first + word.index + word[0].length, t.end)) : null
  if (!word || !last) return [{ kind: 'paragraph', start: t.start, end: t.end, value }]
  const upTo = first + word.index + word[0].length
  return [
    { kind: 'paragraph', start: t.start, end: first + word.index, value, range: 'from' },
    { kind: 'paragraph', start: upTo, end: t.end, value: last[0], range: 'upTo' }
  ]
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
  const read = (symbol: string, at: number): Match | null => {
    if (isUnSymbol(symbol)) return { kind: 'document', start: at, end: at + symbol.length, symbol }
    const repaired = ocrRepaired(symbol)
    return repaired && isUnSymbol(repaired)
      ? {
          kind: 'document',
          start: at,
          end: at + symbol.length,
          symbol: repaired,
          repaired: {
            ruleId: 'ocr-symbol',
            reason: `Read the symbol “${symbol}” as ${repaired}: a letter l or I stands for the digit 1, as text recognition often reads it. Correct the source if so.`
          }
        }
      : null
  }
  const whole = read(s, start)
  if (whole) return [whole]
  const parts = splitJointSymbol(s) ?? splitJointSymbol(ocrRepaired(s) ?? '')
  if (!parts) return null
  const out: Match[] = []
  let at = start
  for (const p of parts) {
    out.push(read(s.slice(at - start, at - start + p.length), at)!)
    at += p.length + 1
  }
  return out
}

/** A symbol whose numbered suffixes ("Rev.l", "Add.I") have a letter l or I for the digit 1, with the digit put back; null when it has none. */
function ocrRepaired(symbol: string): string | null {
  const repaired = symbol.replace(/(\/(?:Rev|Add|Corr|Amend)\.)([0-9lI]+)(?=\/|-|$)/g, (_, suffix: string, n: string) => suffix + n.replace(/[lI]/g, '1'))
  return repaired === symbol ? null : repaired
}
