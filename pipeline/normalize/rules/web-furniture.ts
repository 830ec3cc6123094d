import { splitLines, isBlankLine, type Line } from '../../core/lines.js'
import { SYMBOL_WORD } from '../../core/symbol-word.js'
import type { Drop } from '../../model/mapped-text.js'
import type { LanguageProfile } from '../../lang/profile.js'
import type { LiftedMeta } from '../../model/normalized-text.js'
import type { NormalizeRule } from '../rule.js'
import { keptBetween, mastheadDate, mastheadSymbol } from './page-furniture.js'

/** A table's cell border at the end of a line copied from a web page: "第一四八一次全体会议 |". */
const CELL_BORDER = /[ \t\u3000]*\|[ \t\u3000|]*$/
/** A line of a web page's table with no text: "|", "|||". */
const EMPTY_ROW = /^[|\s]+$/
/** A row of a web page's table: it starts with a border or has several cells. */
const TABLE_ROW = /^\||\|.*\|/
/** Above the text, a short line ending in a border is a row of the page's navigation: "2447(2018) |". */
const HEAD_ROW = /^.{1,60}\|\s*$/
/** A list bullet a web page sets before a paragraph: "- 1.决定……", "-“安全理事会……". */
const BULLET = /^[-*•][ \t\u3000]*(?=\S)/

export const webFurniture: NormalizeRule = {
  id: 'web-furniture',
  doc: "Removes what a web edition (Wikisource and the like) puts around a document into the log: the site's name, the page's title, navigation and tables, its licence notice and the cell borders of table rows, lifting the symbol, date and vote of its navigation into the metadata.",
  apply(text, lang) {
    const src = text.text
    const lines = splitLines(src)
    const content = (l: Line) => src.slice(l.contentStart, l.contentEnd)
    const web = lang.web
    // A page is known by its site's name, its licence notice or a line only a web page has
    // ("本作品收录于…", a navigation arrow): a mirror may leave out the first two.
    const isSite = (c: string) => web.site.some((s) => s.pattern.test(c))
    const isWeb = (c: string) => isSite(c) || web.licence.test(c) || web.page.some((s) => s.pattern.test(c))
    if (!lines.some((l) => isWeb(content(l)))) return { text }

    const lifted: LiftedMeta = {}
    const drops: Drop[] = []
    const named: PageNames = { head: [] }
    let inHead = true
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!
      if (isBlankLine(line)) continue
      const c = content(line)
      if (web.licence.test(c)) {
        drops.push({ start: line.start, end: src.length, reason: 'web page: licence notice of the site' })
        break
      }
      const reason = lineReason(c, inHead, lang)
      if (reason !== null) {
        // The head of the page, or a line naming the document wherever the site sets it.
        if (inHead || isSite(c)) lift(c, lang, lifted)
        if (inHead) {
          const names = web.pageSymbols?.(c) ?? []
          if (reason === TITLE) named.title ??= names
          named.head.push(...names)
        }
        drops.push({ start: line.start, end: line.breakEnd, reason })
        continue
      }
      // The text's first line: a Security Council resolution's adoption line gives the year its symbol carries.
      if (inHead && lang.grammar.adoptionNote.test(c)) named.adopted = lang.dates(c).at(-1)?.iso.slice(0, 4)
      inHead = false
      const bullet = BULLET.exec(c)
      if (bullet) drops.push({ start: line.contentStart, end: line.contentStart + bullet[0].length, reason: 'web page: list bullet' })
      const border = CELL_BORDER.exec(c)
      if (border) drops.push({ start: line.contentStart + border.index, end: line.contentEnd, reason: 'web page: cell border of a table row' })
    }
    if (drops.length === 0) return { text }
    lifted.symbol ??= titleSymbol(named)
    return { text: text.rewrite(this.id, { pieces: keptBetween(drops, src.length), drops }), lifted }
  }
}

const TITLE = 'web page: title of the page'

/** The documents a page names in words: in its (first) title line, and anywhere above the text (its navigation too). */
interface PageNames {
  title?: string[]
  readonly head: string[]
  /** The year of the adoption line that opens the text, if it does. */
  adopted?: string
}

/**
 * The page's own document, when its title names exactly one: a Security Council resolution the
 * title gives without its year ("联合国安理会第1263号决议") takes it from the navigation's name
 * of the same resolution ("第1263(1999)号决议"), else from the adoption line opening the text
 * ("Adopted by the Security Council at its 506th meeting, … on 29 September 1950"), and has no
 * symbol without either.
 */
function titleSymbol({ title, head, adopted }: PageNames): string | undefined {
  if (title?.length !== 1) return undefined
  const [symbol] = title as [string]
  if (!/^S\/RES\/\d+$/.test(symbol)) return symbol
  // A Security Council resolution is numbered in the year it was adopted in.
  return head.find((s) => s.startsWith(`${symbol}(`)) ?? (adopted === undefined ? undefined : `${symbol}(${adopted})`)
}

function lineReason(c: string, inHead: boolean, { web, dates }: LanguageProfile): string | null {
  const site = web.site.find((s) => s.pattern.test(c))
  if (site) return site.reason
  if (EMPTY_ROW.test(c)) return 'web page: empty table row'
  if (TABLE_ROW.test(c) || (inHead && HEAD_ROW.test(c))) return 'web page: table row (navigation or information box)'
  const page = web.page.find((s) => s.pattern.test(c))
  if (page) return page.reason
  if (inHead && web.pageTitle.test(c)) return TITLE
  // A page's information box gives the document's symbol on a line of its own ("A/RES/12(I)"), lifted with the box.
  if (inHead && mastheadSymbol(c) !== null) return 'web page: information box of the page'
  // A page's information box gives its date on a line of its own, above the text.
  const date = inHead ? dates(c)[0] : undefined
  if (date && date.index === 0 && date.length === c.length) return 'web page: date of the page'
  return null
}

/** The symbol, date and vote a page's navigation or information box gives, lifted into the metadata. */
function lift(c: string, lang: LanguageProfile, lifted: LiftedMeta): void {
  for (const m of c.matchAll(SYMBOL_WORD)) {
    const symbol = mastheadSymbol(m[0])
    if (symbol !== null) {
      lifted.symbol ??= symbol
      break
    }
  }
  lifted.issued ??= lang.dates(c)[0]?.iso ?? mastheadDate(c)
  lifted.vote ??= lang.vote(c) ?? undefined
}
