/**
 * A word shaped like a UN document symbol, as printed in running text or a web page's navigation:
 * "A/67/456", "A/54/L.81/Rev.l", "S/RES/2446 (2018)", "A/RES/4(I)". Whether it is one is for the
 * symbol grammar to say; this only finds where it stands.
 */
export const SYMBOL_WORD = /[A-Z]{1,2}(?:\/[A-Za-z0-9.-]+)+(?:\s?\((?:\d{4}|[IVXLC]+)\))?/g

/** The first symbol-shaped word of a text, or undefined. */
export function firstSymbolWord(text: string): string | undefined {
  return text.match(new RegExp(SYMBOL_WORD.source))?.[0]
}
