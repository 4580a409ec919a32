/**
 * The key under which a name of a body or a person is matched against the record: case,
 * spacing, punctuation and accents do not count, and text that lost its Danish letters
 * (`Radet`, `Moller`, `Okonomi`) finds the record that kept them (`Rådet`, `Møller`, `Økonomi`).
 * Both sides go through the same key, so the match works either way.
 */
export function nameKey(name: string): string {
  return (
    name
      .normalize("NFKC")
      .toLowerCase()
      // Danish letters first: NFD would turn å into a + ring, but æ and ø have no decomposition.
      .replace(/æ/g, "ae")
      .replace(/ø/g, "o")
      .replace(/å/g, "a")
      .replace(/aa/g, "a")
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      // Hyphens, dots and quotes vary between documents (`KD-Net`, `KD Net`, `K.D.-Net`).
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim()
  );
}
