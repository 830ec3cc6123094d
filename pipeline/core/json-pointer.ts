import { createRequire } from 'node:module'
import type { MemberNode, ValueNode } from '@humanwhocodes/momoa'

const require = createRequire(import.meta.url)

/**
 * Where in a JSON text the value a JSON pointer names stands (ajv's instancePath), as offsets:
 * so an error in a configuration file is shown on its line. With `property`, the key of that
 * name in the object the pointer names (an unknown key). Where the pointer goes further than the
 * text, the nearest value it reaches. The text must be valid JSON (check with jsonErrorOffset).
 */
export function jsonPointerSpan(text: string, pointer: string, property?: string): { start: number; end: number } {
  // The parser (55 KB) only for a configuration or sidecar found wrong, not in every build that reads one.
  const { parse } = require('@humanwhocodes/momoa') as typeof import('@humanwhocodes/momoa')
  let node: ValueNode = parse(text, { mode: 'json' }).body
  const span = (n: { loc: { start: { offset: number }; end: { offset: number } } }) => ({ start: n.loc.start.offset, end: n.loc.end.offset })
  const tokens =
    pointer === '' || pointer === '/'
      ? []
      : pointer
          .split('/')
          .slice(1)
          .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'))
  for (const token of tokens) {
    const next: ValueNode | undefined =
      node.type === 'Object' ? node.members.find((m) => keyOf(m) === token)?.value : node.type === 'Array' && /^\d+$/.test(token) ? node.elements[Number(token)]?.value : undefined
    if (!next) return span(node)
    node = next
  }
  if (property !== undefined && node.type === 'Object') {
    const member = node.members.find((m) => keyOf(m) === property)
    if (member) return span(member.name)
  }
  return span(node)
}

/** A member's key (in JSON mode always a string; JSON5 would allow a bare identifier). */
function keyOf(member: MemberNode): string {
  return member.name.type === 'String' ? member.name.value : member.name.name
}
