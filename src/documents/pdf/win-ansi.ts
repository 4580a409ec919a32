/**
 * The standard PDF fonts (Helvetica) write WinAnsi (Windows-1252): æ, ø, å, é, €, – and “ ” are in
 * it; anything else would come out as a wrong glyph. Text passes through here first, keeping what
 * the encoding has and spelling out the rest.
 */
const beyondLatin1 = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";

const replacements: Record<string, string> = {
  "≥": ">=",
  "≤": "<=",
  "≠": "!=",
  "→": "->",
  "←": "<-",
  "⇒": "=>",
  "−": "-",
  "‐": "-",
  "‑": "-",
  "‒": "–",
  "―": "—",
  "′": "'",
  "″": '"',
  "‛": "'",
  "‟": '"',
  "✓": "v",
  "✔": "v",
  "●": "•",
  "▪": "•",
  "◦": "•",
  "\t": " ",
};

function encodable(char: string): boolean {
  const code = char.codePointAt(0) ?? 0;
  return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || beyondLatin1.includes(char);
}

/** The text with every character WinAnsi lacks replaced by its nearest spelling (or "?"). */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text) {
    if (char === "\n" || encodable(char)) {
      out += char;
      continue;
    }
    const replacement = replacements[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    const code = char.codePointAt(0) ?? 0;
    // Spaces of other widths are spaces; invisible marks and joiners are nothing.
    if (/\s/u.test(char)) {
      out += " ";
      continue;
    }
    if (code < 0x20 || (code >= 0x200b && code <= 0x200f) || code === 0xfeff || code === 0x2060) continue;
    // Accented letters outside Latin-1 (ő, ł, č) lose the accent; ligatures (ﬁ) come apart.
    const decomposed = char.normalize("NFKD").replace(/\p{M}/gu, "");
    out += decomposed && [...decomposed].every(encodable) ? decomposed : "?";
  }
  return out;
}
