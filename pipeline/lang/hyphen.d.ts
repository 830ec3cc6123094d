// The `hyphen` package (TeX hyphenation patterns, CommonJS) ships no types: what undoc uses of it.
declare module 'hyphen/en-us/index.js' {
  const patterns: {
    hyphenateSync(text: string, options?: { readonly hyphenChar?: string; readonly minWordLength?: number }): string
  }
  export default patterns
}
