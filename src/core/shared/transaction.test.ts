import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "../../platform/errors.ts";
import { translateDatabaseError } from "./transaction.ts";

test("a delete refused by a foreign key names the table that still refers to the record", () => {
  const error = translateDatabaseError({
    code: "23503",
    constraint: "memberships_person_id_fkey",
    detail: 'Key (id)=(01a20808-0000-7000-8000-000000000000) is still referenced from table "memberships".',
  });
  assert.ok(error instanceof AppError);
  assert.equal(error.code, "record.referenced");
  assert.equal(
    error.message,
    "the record is still referred to by rows of memberships; remove or change those first",
  );
  assert.deepEqual(error.details, { referencedBy: "memberships" });
});
