import fs from "node:fs";
import path from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { CrawlVisit } from "../../bench/oparl-crawl.ts";

/** The OParl 1.1 schemas and examples, beside the checkout (`../shared/oparl`). */
const oparlSchemaDir = path.resolve(import.meta.dirname, "../../../shared/oparl/schema");

const OPARL = "https://schema.oparl.org/1.1/";
const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const date = /^\d{4}-\d{2}-\d{2}$/;
const dateTimeKeys = new Set(["created", "modified", "start", "end", "licenseValidSince", "oparlSince"]);
const dateKeys = new Set(["startDate", "endDate", "date"]);
const bodyLists = [
  "organization",
  "person",
  "meeting",
  "paper",
  "agendaItem",
  "consultation",
  "file",
  "locationList",
  "legislativeTermList",
  "membership",
];

/** `{ "type": "object", "schema": "X.json" }` becomes `{ "$ref": "X.json" }`, as the README says. */
function rewriteEmbedded(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteEmbedded);
  if (!value || typeof value !== "object") return value;
  const record = value as Record<string, unknown>;
  if (record.type === "object" && typeof record.schema === "string") return { $ref: record.schema };
  return Object.fromEntries(Object.entries(record).map(([key, item]) => [key, rewriteEmbedded(item)]));
}

/** The twelve schemas in Ajv, loaded as `../shared/oparl/README.md` describes. */
export function loadOParlSchemas(): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, unicodeRegExp: false, allErrors: true });
  // ajv-formats is CommonJS: its default import is the plugin itself.
  const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
  addFormats(ajv);
  ajv.addFormat("url", (value: string) => /^https?:\/\//.test(value) && URL.canParse(value));
  const names = fs
    .readdirSync(oparlSchemaDir)
    .filter((file) => file.endsWith(".json"))
    .map((file) => file.replace(/\.json$/, ""));
  for (const name of names) {
    const schema = JSON.parse(fs.readFileSync(path.join(oparlSchemaDir, `${name}.json`), "utf8"));
    ajv.addSchema({ ...(rewriteEmbedded(schema) as object), $id: `${name}.json` });
  }
  return new Map(names.map((name) => [name, ajv.getSchema(`${name}.json`) as ValidateFunction]));
}

/**
 * Checks every response of a crawl against the schemas and the specification's MUST list
 * (README of ../shared/oparl): each problem becomes one line in `violations`.
 */
export class OParlValidator {
  readonly violations: string[] = [];
  /** Type of every object fetched on its own, by id. */
  readonly fetched = new Map<string, string>();
  /** Type of every object seen embedded or in a list, by id, and where. */
  readonly referenced = new Map<string, { type: string; where: string }>();
  readonly fileUrls = new Set<string>();
  readonly visitedUrls = new Set<string>();
  /** An agenda item's order wherever it appears: on its own it must equal its index in the meeting. */
  private readonly itemOrders = new Map<string, unknown>();
  objectsChecked = 0;
  private readonly schemas = loadOParlSchemas();

  private fail(where: string, problem: string) {
    this.violations.push(`${where}: ${problem}`);
  }

  visit({ response, json }: CrawlVisit): void {
    const where = response.url;
    this.visitedUrls.add(where);
    if (response.status !== 200) this.fail(where, `status ${response.status}`);
    if (response.headers["access-control-allow-origin"] !== "*") {
      this.fail(where, "no Access-Control-Allow-Origin: *");
    }
    const contentType = response.headers["content-type"] ?? "";
    if (!contentType.startsWith("application/json")) {
      this.checkFileResponse(where, response.headers["content-disposition"]);
      return;
    }
    if (!/charset=utf-8/i.test(contentType)) this.fail(where, `content type ${contentType} is not UTF-8`);
    if (response.body[0] === 0xef && response.body[1] === 0xbb) this.fail(where, "starts with a BOM");
    this.checkNoNulls(where, json);
    const record = json as Record<string, unknown>;
    if (Array.isArray(record.data)) {
      this.checkListPage(where, record);
      return;
    }
    if (record.id !== where) this.fail(where, `id ${String(record.id)} is not the URL it was fetched from`);
    this.checkObject(where, record, true);
  }

  private checkFileResponse(where: string, disposition: string | undefined) {
    if (where.endsWith("/download")) {
      if (!disposition || !/^attachment;\s*filename="[^"]+"/.test(disposition)) {
        this.fail(
          where,
          `download answers Content-Disposition ${disposition ?? "(none)"}, not attachment with a filename`,
        );
      }
    } else if (where.endsWith("/access")) {
      if (disposition?.startsWith("attachment")) this.fail(where, "the access URL answers as an attachment");
    } else {
      this.fail(where, "answers something other than JSON");
    }
  }

  private checkNoNulls(where: string, value: unknown, at = "") {
    if (value === null) this.fail(where, `${at || "the response"} is null`);
    else if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) this.checkNoNulls(where, item, `${at}[${i}]`);
    } else if (typeof value === "object") {
      for (const [key, item] of Object.entries(value)) this.checkNoNulls(where, item, `${at}.${key}`);
    }
  }

  private checkListPage(where: string, page: Record<string, unknown>) {
    const pagination = page.pagination as Record<string, unknown> | undefined;
    const links = page.links as Record<string, unknown> | undefined;
    if (!pagination || typeof pagination !== "object") this.fail(where, "list page without pagination");
    if (!links || typeof links !== "object") {
      this.fail(where, "list page without links");
      return;
    }
    const data = page.data as Record<string, unknown>[];
    const perPage = pagination?.elementsPerPage;
    if (typeof links.next === "string") {
      if (typeof perPage === "number" && data.length !== perPage) {
        this.fail(
          where,
          `a page with a next link holds ${data.length} objects, not elementsPerPage ${perPage}`,
        );
      }
      // Filters must survive into the next page.
      const given = new URL(where).searchParams;
      const next = new URL(links.next).searchParams;
      for (const name of ["created_since", "created_until", "modified_since", "modified_until", "limit"]) {
        if (given.get(name) !== next.get(name)) this.fail(where, `links.next loses ${name}`);
      }
    }
    for (const item of data) {
      this.checkObject(where, item, false);
      if (typeof item.id === "string" && typeof item.type === "string") {
        this.referenced.set(item.id, { type: item.type, where });
      }
    }
  }

  private checkObject(where: string, object: Record<string, unknown>, topLevel: boolean) {
    this.objectsChecked++;
    const at = `${where} ${String(object.id)}`;
    const type = typeof object.type === "string" ? object.type : "";
    const name = type.startsWith(OPARL) ? type.slice(OPARL.length) : "";
    const validate = this.schemas.get(name);
    if (!validate) {
      this.fail(at, `type ${type} is not an OParl 1.1 type`);
      return;
    }
    if (typeof object.id !== "string" || !URL.canParse(object.id)) this.fail(at, "no id URL");
    for (const key of ["created", "modified"]) {
      if (typeof object[key] !== "string") this.fail(at, `no ${key}`);
    }
    if (topLevel && typeof object.id === "string") this.fetched.set(object.id, type);
    if (object.deleted === true) {
      const extra = Object.keys(object).filter(
        (k) => !["id", "type", "created", "modified", "deleted"].includes(k),
      );
      if (extra.length > 0) this.fail(at, `a deleted object keeps ${extra.join(", ")}`);
      this.checkTimes(at, object);
      return;
    }
    if (!validate(object)) {
      for (const error of validate.errors ?? []) {
        this.fail(at, `schema ${name}: ${error.instancePath || "/"} ${error.message ?? error.keyword}`);
      }
    }
    this.checkTimes(at, object);
    for (const [key, value] of Object.entries(object)) {
      if (key.includes(":")) {
        if (!key.startsWith("samraad:")) this.fail(at, `extension ${key} without our vendor prefix`);
        if (typeof value !== "string") this.fail(at, `extension ${key} is not a string`);
      }
    }
    if (name === "System") {
      if (object.oparlVersion !== OPARL) this.fail(at, `oparlVersion ${String(object.oparlVersion)}`);
      if (typeof object.body !== "string") this.fail(at, "no body list");
    }
    if (name === "Body") {
      for (const list of bodyLists) {
        if (typeof object[list] !== "string") this.fail(at, `Body without the list ${list}`);
      }
      if (!Array.isArray(object.legislativeTerm)) this.fail(at, "Body without legislativeTerm");
    }
    if (name === "Meeting" && Array.isArray(object.agendaItem)) {
      object.agendaItem.forEach((item: Record<string, unknown>, index: number) => {
        if (item.order !== index) this.fail(at, `agendaItem[${index}] has order ${String(item.order)}`);
      });
    }
    if (name === "AgendaItem") {
      const id = String(object.id);
      if (this.itemOrders.has(id) && this.itemOrders.get(id) !== object.order) {
        this.fail(at, `order ${String(object.order)} here, ${String(this.itemOrders.get(id))} elsewhere`);
      }
      this.itemOrders.set(id, object.order);
    }
    if (name === "File") {
      if (typeof object.accessUrl !== "string") this.fail(at, "File without accessUrl");
      else this.fileUrls.add(object.accessUrl);
      if (typeof object.downloadUrl === "string") this.fileUrls.add(object.downloadUrl);
    }
    // Embedded objects: checked the same way, and their ids must be fetchable on their own.
    for (const value of Object.values(object)) {
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === "object" && "type" in item && "id" in item) {
          const embedded = item as Record<string, unknown>;
          this.referenced.set(String(embedded.id), { type: String(embedded.type), where: at });
          this.checkObject(where, embedded, false);
        }
      }
    }
  }

  private checkTimes(at: string, object: Record<string, unknown>) {
    for (const [key, value] of Object.entries(object)) {
      if (dateTimeKeys.has(key) && (typeof value !== "string" || !dateTime.test(value))) {
        this.fail(at, `${key} ${String(value)} is not yyyy-mm-ddThh:mm:ss±hh:mm`);
      }
      if (dateKeys.has(key) && (typeof value !== "string" || !date.test(value))) {
        this.fail(at, `${key} ${String(value)} is not yyyy-mm-dd`);
      }
    }
  }

  /** After the crawl: every object seen embedded or listed was fetched on its own, as the same type. */
  finish(): string[] {
    for (const [id, { type, where }] of this.referenced) {
      const fetchedType = this.fetched.get(id);
      if (!fetchedType) this.fail(where, `${id} was never fetched on its own`);
      else if (fetchedType !== type)
        this.fail(where, `${id} is a ${type} here but a ${fetchedType} on its own`);
    }
    for (const url of this.fileUrls) {
      if (!this.visitedUrls.has(url)) this.fail(url, "file URL never fetched");
    }
    return this.violations;
  }
}
