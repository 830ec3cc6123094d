/**
 * The offset of the first JSON syntax error in `text`, or -1 when it parses. Node's JSON.parse
 * does not always say where it failed; a person mending a sidecar or a config file needs the
 * line and column. A linear recursive-descent scan over RFC 8259's grammar.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++
  }
  const fail = (): never => {
    throw i
  }
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length
    else fail()
  }
  const string = () => {
    i++
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i)
      if (c < 0x20) fail()
      if (text[i] === '\\') {
        i++
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail()
          i += 4
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail()
      }
      i++
    }
    if (i >= text.length) fail()
    i++
  }
  const number = () => {
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400))
    if (!m) fail()
    i += m![0].length
  }
  const key = () => {
    ws()
    if (text[i] !== '"') fail()
    string()
    ws()
    if (text[i] !== ':') fail()
    i++
  }
  // Nesting is kept on an explicit stack, not the call stack, so deep input cannot overflow it.
  const stack: string[] = []
  try {
    let expectValue = true
    for (;;) {
      if (expectValue) {
        ws()
        const c = text[i]
        if (c === '{' || c === '[') {
          const close = c === '{' ? '}' : ']'
          i++
          ws()
          if (text[i] === close) i++
          else {
            stack.push(close)
            if (c === '{') key()
            continue
          }
        } else if (c === '"') string()
        else if (c === 't') literal('true')
        else if (c === 'f') literal('false')
        else if (c === 'n') literal('null')
        else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) number()
        else fail()
        expectValue = false
      }
      if (stack.length === 0) break
      ws()
      if (text[i] === ',') {
        i++
        if (stack[stack.length - 1] === '}') key()
        expectValue = true
      } else if (text[i] === stack[stack.length - 1]) {
        i++
        stack.pop()
      } else fail()
    }
    ws()
    return i < text.length ? i : -1
  } catch (at) {
    return typeof at === 'number' ? Math.min(at, text.length) : 0
  }
}

/**
 * What stands where a JSON text goes wrong, as an error message says it: the one character, not
 * the text around it (a file named as JSON may be anything, /etc/passwd among them, and a message
 * must not publish it).
 */
export function unexpectedAt(text: string, at: number): string {
  if (at >= text.length) return 'end of file'
  return `character ${JSON.stringify(String.fromCodePoint(text.codePointAt(at)!))}`
}
