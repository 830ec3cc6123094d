import type { Point, Position } from '../types/document.js'

/**
 * The decoded text of one source file, exactly as read (line ends kept), with a line index so
 * that any offset maps to the 1-based line and column a person sees in an editor.
 */
export class RawText {
  readonly path: string
  readonly text: string
  private readonly lineStarts: number[]

  constructor(path: string, text: string) {
    this.path = path
    this.text = text
    this.lineStarts = [0]
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      if (c === 10) this.lineStarts.push(i + 1)
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++
        this.lineStarts.push(i + 1)
      }
    }
  }

  pointAt(offset: number): Point {
    const clamped = Math.max(0, Math.min(offset, this.text.length))
    let lo = 0
    let hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid]! <= clamped) lo = mid
      else hi = mid - 1
    }
    return { line: lo + 1, column: clamped - this.lineStarts[lo]! + 1, offset: clamped }
  }

  position(start: number, end: number): Position {
    return { start: this.pointAt(start), end: this.pointAt(end) }
  }
}
