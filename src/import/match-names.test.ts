import assert from "node:assert/strict";
import { test } from "node:test";
import { nameKey } from "./match-names.ts";

test("nameKey: case, spacing and punctuation do not count", () => {
  assert.equal(nameKey("  KKR   Midtjylland "), nameKey("kkr midtjylland"));
  assert.equal(nameKey("KD-Net"), nameKey("kd net"));
});

test("nameKey: names that lost their Danish letters match those that kept them, both ways", () => {
  assert.equal(nameKey("Rådet for Fremtidens Kompetencer"), nameKey("Radet for Fremtidens Kompetencer"));
  assert.equal(nameKey("Rasmus Møller"), nameKey("Rasmus Moller"));
  assert.equal(nameKey("Kræftens Bekæmpelse"), nameKey("Kraeftens Bekaempelse"));
  assert.equal(nameKey("Aarhus Kommune"), nameKey("Århus Kommune"));
  assert.equal(nameKey("Økonomiudvalget"), nameKey("Okonomiudvalget"));
});

test("nameKey: different names stay apart", () => {
  assert.notEqual(nameKey("Lars Møller"), nameKey("Rasmus Møller"));
  assert.notEqual(nameKey("Byrådet"), nameKey("Regionsrådet"));
});
