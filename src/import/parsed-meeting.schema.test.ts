/**
 * The JSON Schema documents what `parse --json` prints: every fixture's output must validate,
 * with no field missing from the schema and none the schema lacks (additionalProperties false).
 */
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parseDocument } from "./parse-document.ts";

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: boolean;
  items?: Schema;
  pattern?: string;
  minimum?: number;
  $defs?: Record<string, Schema>;
};

const schema = JSON.parse(
  readFileSync(new URL("./parsed-meeting.schema.json", import.meta.url), "utf8"),
) as Schema;

function typeOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  if (Number.isInteger(value)) return "integer";
  return typeof value;
}

/** The subset of JSON Schema 2020-12 the schema file uses; returns the paths that fail. */
function validate(value: unknown, node: Schema, path: string, errors: string[]): void {
  if (node.$ref) {
    const name = node.$ref.replace("#/$defs/", "");
    const target = schema.$defs?.[name];
    assert.ok(target, `unknown $ref ${node.$ref}`);
    validate(value, target, path, errors);
  }
  if (node.enum && !node.enum.includes(value)) errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (node.type) {
    const types = Array.isArray(node.type) ? node.type : [node.type];
    const actual = typeOf(value);
    if (!types.includes(actual) && !(actual === "integer" && types.includes("number"))) {
      errors.push(`${path}: ${actual} is not ${types.join("|")}`);
      return;
    }
  }
  if (typeof value === "string" && node.pattern && !new RegExp(node.pattern).test(value)) {
    errors.push(`${path}: ${value} does not match ${node.pattern}`);
  }
  if (typeof value === "number" && node.minimum !== undefined && value < node.minimum)
    errors.push(`${path}: below minimum`);
  if (Array.isArray(value) && node.items) {
    const items = node.items;
    value.forEach((entry, i) => {
      validate(entry, items, `${path}[${i}]`, errors);
    });
  }
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    for (const key of node.required ?? []) if (!(key in record)) errors.push(`${path}.${key}: missing`);
    for (const [key, entry] of Object.entries(record)) {
      const child = node.properties?.[key];
      if (child) validate(entry, child, `${path}.${key}`, errors);
      else if (node.additionalProperties === false) errors.push(`${path}.${key}: not in the schema`);
    }
  }
}

const documents = [
  new URL("../../../shared/seeds/001_fc010784cd8fe213.txt", import.meta.url),
  new URL("../../../shared/seeds/002_b19148eff8b2a7c8.txt", import.meta.url),
  ...[
    "firstagenda-oekonomiudvalget.txt",
    "sbsys-byraad-windows-1252.txt",
    "regionsraad-referat.html",
    "word-styregruppe-referat.docx",
    "pdfkit-kultur-dagsorden.pdf",
    "single-item.txt",
    "lost-letters.txt",
  ].map((name) => new URL(`../../test/fixtures/import/${name}`, import.meta.url)),
];

for (const url of documents) {
  const name = url.pathname.split("/").pop() ?? "";
  test(`parse output of ${name} validates against parsed-meeting.schema.json`, async () => {
    const meeting = await parseDocument(new Uint8Array(readFileSync(url)), name);
    const errors: string[] = [];
    validate(JSON.parse(JSON.stringify(meeting)), schema, "$", errors);
    assert.deepEqual(errors, []);
  });
}
