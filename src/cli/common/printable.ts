/**
 * Whether a UTF-16 code unit would let a file name (or a message quoting one) do more than read as text
 * on a terminal or in a log: C0 controls (a newline forges a line of its own, ESC starts a terminal
 * escape sequence), DEL, C1 controls (U+009B is a one-byte CSI), the Arabic letter mark, the Unicode
 * line and paragraph separators, the bidi marks, embeddings, overrides and isolates that reorder what
 * follows, and lone surrogates (a paired one is part of an ordinary character).
 */
function isUnprintable(code: number): boolean {
  return (
    code <= 0x1f ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x061c ||
    code === 0x200e ||
    code === 0x200f ||
    code === 0x2028 ||
    code === 0x2029 ||
    (code >= 0x202a && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff)
  );
}

const SHORT_ESCAPES: ReadonlyMap<string, string> = new Map([
  ['\\', '\\\\'],
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
]);

/**
 * `text` safe to print on one line: every character above is written as a visible escape (`\n`, `\x1b`,
 * `\u202e`), everything else as it is. A backslash is escaped too (`\\`), so that every escape read back
 * stands for exactly one character. For every CLI line that prints a path, a case or cell name, or a
 * message that may quote one.
 */
export function printable(text: string): string {
  let out = '';
  // By code point: a surrogate pair is one ordinary character, a lone surrogate one unprintable unit.
  for (const char of text) {
    const short = SHORT_ESCAPES.get(char);
    const code = char.charCodeAt(0);
    if (short !== undefined) out += short;
    else if (char.length === 1 && isUnprintable(code))
      out +=
        code < 0x100
          ? `\\x${code.toString(16).padStart(2, '0')}`
          : `\\u${code.toString(16).padStart(4, '0')}`;
    else out += char;
  }
  return out;
}
