import { anyOf } from '../../core/chars.js'
import { organizationNames } from '../../model/organizations.js'
import type { LintMessage, LintRule } from '../rule.js'

/**
 * An organization's former name in a text dated after the rename, unless the sentence speaks of
 * the rename: it (or a footnote it references) also gives the new name, as in "伊斯兰会议组织
 * 2011 年 6 月 28 日起更名为伊斯兰合作组织".
 */
export const renamedOrganization: LintRule = {
  id: 'renamed-organization',
  doc: 'No former name of a renamed organization in a text dated after the rename, unless the sentence speaks of the rename.',
  defaultSeverity: 'warning',
  schema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      ignore: { description: 'Ids of organizations (data/organizations.json) whose former names are not reported.', type: 'array', items: { type: 'string' }, uniqueItems: true, default: [] }
    }
  },
  check(document, { lang, options, text }) {
    const date = document.metadata.date
    if (date === undefined) return []
    const ignore = new Set(options.ignore as string[])
    const names = organizationNames(document.metadata.language)
    // The full names of an organization in use on the text's date.
    const current = (id: string) => names.filter((n) => n.id === id && !n.abbreviation && (n.from === undefined || n.from <= date) && (n.until === undefined || n.until > date)).map((n) => n.name)
    const footnotes = new Map(text.blocks.flatMap((b) => (b.block.type === 'footnoteDefinition' ? [[b.block.identifier, b.text] as const] : [])))
    const ends = anyOf(lang.punctuation.sentenceEnds, 'g')
    const out: LintMessage[] = []
    for (const block of text.blocks) {
      let ci = 0
      let ri = 0
      for (const [from, to] of sentences(block.text, ends)) {
        const cited = []
        while (ci < block.citations.length && block.citations[ci]!.start < to) cited.push(block.citations[ci++]!)
        // A reference right after the sentence's closing mark belongs to it. Each footnote once,
        // however often the sentence refers to it.
        const notes = new Set<string>()
        while (ri < block.references.length && block.references[ri]!.at <= to) notes.add(footnotes.get(block.references[ri++]!.node.identifier) ?? '')
        // Whether the sentence speaks of an organization's rename, asked once an organization: a
        // sentence may name it thousands of times, and each answer reads the whole sentence.
        const speaksOfRename = new Map<string, boolean>()
        for (const c of cited) {
          if (c.node.kind !== 'organization' || c.node.value === undefined || ignore.has(c.node.value)) continue
          const written = block.text.slice(c.start, c.end)
          const until = names.find((n) => n.id === c.node.value && n.name === written)?.until
          if (until === undefined || until > date) continue
          const now = current(c.node.value)
          if (now.length === 0) continue
          let spoken = speaksOfRename.get(c.node.value)
          if (spoken === undefined) {
            const givesNewName = (s: string) => now.some((name) => s.includes(name))
            spoken = givesNewName(block.text.slice(from, to)) || [...notes].some(givesNewName)
            speaksOfRename.set(c.node.value, spoken)
          }
          if (spoken) continue
          out.push({
            reason: `"${written}" is the former name of ${now[0]}, renamed on ${until}; this text is dated ${date}. Use the current name, or say in the sentence that it was renamed.`,
            place: c.node.position
          })
        }
      }
    }
    return out
  }
}

/** The spans of a text's sentences (or clauses), each up to and with its closing mark (found by `ends`, a global pattern). */
function sentences(s: string, ends: RegExp): [number, number][] {
  const out: [number, number][] = []
  let from = 0
  for (const { index } of s.matchAll(ends)) {
    out.push([from, index + 1])
    from = index + 1
  }
  if (from < s.length || out.length === 0) out.push([from, s.length])
  return out
}
