import english from 'hyphen/en-us/index.js'
import type { DateMatch, LanguageProfile } from './profile.js'

const DIGIT: Record<string, number> = { 〇: 0, 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 }
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 }
const NUMERAL = '[〇零一二三四五六七八九十百千两]'

/** Chinese numerals: positional ("二〇一三") or with units ("六十五", "一百二十二"); ASCII digits pass through. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text)
  if (!new RegExp(`^${NUMERAL}+$`).test(text)) return null
  if (![...text].some((c) => c in UNIT)) {
    return Number([...text].map((c) => DIGIT[c]).join(''))
  }
  let total = 0
  let digit = 0
  for (const c of text) {
    if (c in DIGIT) digit = DIGIT[c]!
    else {
      total += (digit || 1) * UNIT[c]!
      digit = 0
    }
  }
  return total + digit
}

const DIGITS = '〇一二三四五六七八九'

/** A number written with Chinese numerals and units, as sessions are numbered ("六十七", "一百零二"); below 10000. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n]!
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`
  const units = ['千', '百', '十', '']
  const digits = String(n).padStart(4, '0')
  let out = ''
  let zero = false
  for (let i = 0; i < 4; i++) {
    const d = Number(digits[i])
    if (d === 0) {
      zero = out !== ''
      continue
    }
    if (zero) out += '零'
    zero = false
    out += DIGITS[d]! + units[i]!
  }
  return out
}

const DATE = new RegExp(
  `(\\d{4}|[〇零一二三四五六七八九]{4})\\s?年\\s?(\\d{1,2}|${NUMERAL}{1,3})\\s?月\\s?(\\d{1,2}|${NUMERAL}{1,3})\\s?日`,
  'g'
)

function isoDate(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
}

function dates(text: string): DateMatch[] {
  const out: DateMatch[] = []
  for (const m of text.matchAll(DATE)) {
    const iso = isoDate(chineseNumeral(m[1]!) ?? 0, chineseNumeral(m[2]!) ?? 0, chineseNumeral(m[3]!) ?? 0)
    if (iso) out.push({ iso, index: m.index, length: m[0].length })
  }
  return out
}

const DATE_TEXT = `(?:\\d{4}|[〇零一二三四五六七八九]{4})\\s?年\\s?(?:\\d{1,2}|${NUMERAL}{1,3})\\s?月\\s?(?:\\d{1,2}|${NUMERAL}{1,3})\\s?日`

const SOFT_HYPHEN = '\u00ad'

/** The offsets of the soft hyphens a hyphenator put into a word, in the word without them. */
function softHyphens(hyphenated: string): number[] {
  const points: number[] = []
  let at = 0
  for (const c of hyphenated) {
    if (c === SOFT_HYPHEN) points.push(at)
    else at += c.length
  }
  return points
}

/** Simplified Chinese, as the UN's Chinese editions write it. */
export const zh: LanguageProfile = {
  tag: 'zh-Hans',
  furniture: [
    { pattern: /^联合国$/, reason: 'masthead: name of the Organization', headOnly: true },
    { pattern: /^(?:大会|安全理事会|经济及社会理事会|人权理事会|托管理事会)$/, reason: 'masthead: name of the organ', headOnly: true },
    { pattern: /^(?:中文|Chinese)$/, reason: 'masthead: language of this version', headOnly: true },
    { pattern: new RegExp(`^${DATE_TEXT}$`), reason: 'masthead: date of issue', headOnly: true },
    { pattern: /^请回收$/, reason: 'page furniture: recycling note', headOnly: false }
  ],
  mastheadMeta: [
    { pattern: /^Distr\.?\s?[:：]\s?(\S.*)$/, field: 'distribution' },
    { pattern: /^(?:Original|原文)\s?[:：]\s?(\S.*)$/, field: 'originalLanguage' }
  ],
  blockNumber: /^(?:\d+(?:\/\d+)?\.(?=[\s\u3000])|\d+\s?\((?:\d{4}|[IVXLC]+)\)\.(?=[\s\u3000])|[(（](?:[a-z]{1,3}|[ivxlc]+)[)）](?=[\s\u3000])|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+、|[A-Z]\.(?=[\s\u3000])|[IVXLC]+\.(?=[\s\u3000]))/,
  dates,
  numeral: chineseNumeral,
  citations: {
    date: `(\\d{4}|[〇零一二三四五六七八九]{4})年(\\d{1,2}|${NUMERAL}{1,3})月(?:(\\d{1,2}|${NUMERAL}{1,3})日((?:[至和、及](?:\\d{1,2}|${NUMERAL}{1,3})日)*))?`,
    dateTail: `([至和、及])(\\d{1,2}|${NUMERAL}{1,3})日`,
    rangeWords: ['至'],
    numbered: '第(\\d+/\\d+|\\d+\\s?\\((?:[IVXLC]+|\\d{4})\\))号',
    resolutionWord: '决议',
    decisionWord: '决定',
    separator: '、|以及|和|及',
    meeting: '第(\\d+)次(?:全体)?会议',
    session: `(大会|安全理事会|经济及社会理事会|人权理事会)第(${NUMERAL}+|\\d+)届(?:特别|紧急特别)?会议`,
    organs: { 大会: 'GA', 安全理事会: 'SC', 经济及社会理事会: 'ECOSOC', 人权理事会: 'HRC' },
    agendaItem: '(?:临时)?议程项目\\s?(\\d+(?:\\s?\\([a-z]{1,2}\\))?)',
    paragraph: '(上文|下文)?第(\\d{1,3})段(?:\\(([a-z])\\)分段)?',
    annex: '见附件',
    instrument: '《([^《》\\n]{1,120})》',
    adoptedBy: '(?:通过|所载)的?$'
  },
  punctuation: {
    pairs: [
      ['《', '》'],
      ['（', '）'],
      ['“', '”'],
      ['‘', '’'],
      ['「', '」'],
      ['『', '』'],
      ['【', '】']
    ],
    continuedQuotes: ['“', '‘', '「', '『'],
    clauseEndings: { preambular: ['，'], operative: ['；'], last: ['。'], introducing: ['：'] },
    sentenceEnds: ['。', '；', '！', '？'],
    fullwidth: { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！' }
  },
  typesetting: {
    noLineStart: '，。、；：？！）》」』”’·〕】〉％),.;:!?]}',
    noLineEnd: '（《「『“‘〔【〈([{',
    unbreakablePairs: '—…',
    // Latin words in the UN's Chinese texts are English: names, titles, addresses.
    hyphenate: (word) => softHyphens(english.hyphenateSync(word, { hyphenChar: SOFT_HYPHEN, minWordLength: 5 })),
    blankAfter: '，。、；：？！）》」』”’〕】〉',
    blankBefore: '（《「『“‘〔【〈',
    date: (iso) => {
      const [y, m, d] = iso.split('-')
      return `${y}年${Number(m)}月${Number(d)}日`
    },
    session: (n) => `第${chineseNumber(n)}届会议`,
    agendaItem: (number) => `议程项目${number}`,
    organization: '联合国',
    organs: { GA: '大会', SC: '安全理事会', ECOSOC: '经济及社会理事会', HRC: '人权理事会' },
    distribution: 'Distr.: ',
    contents: '目录',
    citedIndex: '所引决议索引'
  },
  grammar: {
    formula: [
      { pattern: /^大会[，,]$/, organ: 'GA', kind: 'ga-resolution' },
      { pattern: /^安全理事会[，,]$/, organ: 'SC', kind: 'sc-resolution' },
      { pattern: /^经济及社会理事会[，,]$/, organ: 'ECOSOC', kind: 'ga-resolution' },
      { pattern: /^人权理事会[，,]$/, organ: 'HRC', kind: 'ga-resolution' }
    ],
    resolutionTitle: /^(\d+\/\d+|\d+\s?\((?:[IVXLC]+|\d{4})\))\.\s?(.+)$/,
    scResolutionTitle: /^第(\d+)\s?\((\d{4})\)号决议$/,
    statementTitle: /主席的?声明$/,
    reportTitle: /的(?:报告|说明)$/,
    meetingInNote: /第(\d+)次(?:全体)?会议/,
    session: new RegExp(`^第(${NUMERAL}+|\\d+)届(?:会议|常会)$`),
    agendaItem: /^(?:临时)?议程项目\s?(\d+(?:\s?\([a-z]{1,2}\))?(?:\s?[和及至、]\s?\d+(?:\s?\([a-z]{1,2}\))?)*)$/,
    letterTitle: /给.{1,40}的(?:信|函)$/,
    noteVerbaleTitle: /的普通照会$/,
    annexHeading: new RegExp(`^(?:附件(?:${NUMERAL}+|[IVX]+)?|.{4,}的附件(?:${NUMERAL}+|[IVX]+)?)$`),
    adoptionNote: /(?:会议|大会|理事会|委员会)(?:第.{1,10}[届次](?:会议)?)?(?:上)?通过$/,
    signedMark: /[(（]签名[)）]$/,
    meeting: /^第(\d+)次全体会议$/,
    placeAndDate: new RegExp(`^(${DATE_TEXT})订?于(.{1,20})$`),
    dateLine: new RegExp(`^${DATE_TEXT}$`),
    preambleEnd: /(?:如下|下列)[：:]$/,
    chapterHeading: /^([一二三四五六七八九十]+)、\s?(.+)$/,
    sectionHeading: /^([A-Z])\.\s(.+)$/,
    paragraphNumber: [
      { pattern: /^(\d{1,3})\.[\s\u3000]/, level: 1 },
      { pattern: /^[(（]([a-z]{1,2})[)）][\s\u3000]?/, level: 2 },
      { pattern: /^[(（]([ivxlc]{1,6})[)）][\s\u3000]?/, level: 3 }
    ]
  }
}
