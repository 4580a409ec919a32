import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { after, before, test } from "node:test";
import { resolveApiToken } from "../../core/accounts/api-tokens.ts";
import { verifyLogin } from "../../core/accounts/login.ts";
import { createOrganization } from "../../core/organizations/organizations.ts";
import { systemActor } from "../../core/shared/context.ts";
import { openDatabase } from "../../platform/db/open-database.ts";
import { userCommand } from "./user-command.ts";

const root = path.resolve(import.meta.dirname, "../../..");
let dataDir: string;

async function run(args: string[], stdinText = "") {
  let stdout = "";
  let stderr = "";
  const io = {
    stdin: Readable.from([stdinText]),
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
  };
  await userCommand(io).parseAsync([...args, "--data", dataDir], { from: "user" });
  return { stdout, stderr };
}

async function withDb<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const db = await openDatabase({ dataDir, databaseUrl: null });
  try {
    return await work(db);
  } finally {
    await db.close();
  }
}

before(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "samraad-user-cli-"));
  await withDb((db) =>
    createOrganization(
      { db, actor: systemActor },
      { name: "KKR Midtjylland", shortName: "KKR", kind: "political_body" },
    ),
  );
});
after(() => fs.rmSync(dataDir, { recursive: true, force: true }));

test("samraad user add, role, reset, token and list work on the data folder", async () => {
  const added = await run(
    ["add", "Mette.Hansen@kl.dk", "--name", "Mette Hansen", "--admin", "--password-stdin"],
    "første adgangskode til mette\n",
  );
  assert.match(added.stdout, /^Added Mette\.Hansen@kl\.dk {2}Mette Hansen \[administrator\] {2}no roles\n$/);

  const roled = await run(["role", "mette.hansen@kl.dk", "kkr", "secretariat"]);
  assert.match(roled.stdout, /secretariat of KKR Midtjylland/);

  const reset = await run(["reset", "mette.hansen@kl.dk", "--generate-password"]);
  const generated = /Password \(shown once\): (\S+)/.exec(reset.stdout)?.[1] ?? "";
  assert.equal(generated.length, 20);

  const token = (await run(["token", "mette.hansen@kl.dk", "--name", "Intranet"])).stdout.trim();
  assert.match(token, /^smr_/);

  await assert.rejects(run(["add", "kort@kl.dk", "--name", "Kort", "--password-stdin"], "kort\n"), {
    code: "validation.invalid",
    message: /12 to 256 characters/,
  });
  await assert.rejects(run(["add", "ingen@kl.dk", "--name", "Ingen"]), {
    message: /no terminal to ask for the password on/,
  });

  const listed = await run(["list"]);
  assert.match(
    listed.stdout,
    /Mette\.Hansen@kl\.dk {2}Mette Hansen \[administrator\] {2}secretariat of KKR Midtjylland/,
  );
  assert.ok(!listed.stdout.includes("ingen@kl.dk"), "a refused add adds nobody");

  await withDb(async (db) => {
    const client = "127.0.0.1";
    const email = "mette.hansen@kl.dk";
    assert.equal(
      (await verifyLogin(db, { email, password: "første adgangskode til mette", client })).outcome,
      "failure",
    );
    assert.equal((await verifyLogin(db, { email, password: generated, client })).outcome, "success");
    const actor = await resolveApiToken(db, token);
    assert.equal(actor?.administrator, true);
    assert.deepEqual(Object.values(actor?.roles ?? {}), ["secretariat"]);
  });

  await run(["role", "mette.hansen@kl.dk", "KKR Midtjylland", "none"]);
  assert.match((await run(["list"])).stdout, /no roles/);
});

test("bin/samraad user add runs as its own process, reading the password from standard input", async () => {
  const child = execFile(
    path.join(root, "bin/samraad"),
    ["user", "add", "jens@kommune.dk", "--name", "Jens Jensen", "--password-stdin", "--data", dataDir],
    { cwd: root },
  );
  child.stdin?.end("jens' lange adgangskode\n");
  const [stdout] = await new Promise<[string, number | null]>((resolve, reject) => {
    let out = "";
    child.stdout?.on("data", (chunk) => (out += chunk));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve([out, code]) : reject(new Error(`exit ${code}`))));
  });
  assert.match(stdout, /Added jens@kommune\.dk {2}Jens Jensen {2}no roles/);
  await withDb(async (db) => {
    const result = await verifyLogin(db, {
      email: "jens@kommune.dk",
      password: "jens' lange adgangskode",
      client: "::1",
    });
    assert.equal(result.outcome, "success");
  });
});
