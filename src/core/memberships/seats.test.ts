import assert from "node:assert/strict";
import { test } from "node:test";
import { type SeatView, seatsByPeriod } from "./seats.ts";

const seat = (id: string, startDate: string | null, endDate: string | null): SeatView => ({
  id,
  role: "member",
  startDate,
  endDate,
  person: { id: "p", name: "Person" },
  organization: { id: "o", name: "Udvalget", shortName: null },
  onBehalfOf: null,
  principal: null,
  decidedBy: null,
});

test("seats are current on their first and last day, past after it, future before it", () => {
  const grouped = seatsByPeriod(
    [
      seat("open", null, null),
      seat("ends-today", "2020-01-01", "2021-01-21"),
      seat("ended", "2018-01-01", "2021-01-20"),
      seat("ended-earlier", "2010-01-01", "2015-12-31"),
      seat("starts-today", "2021-01-21", null),
      seat("starts-tomorrow", "2021-01-22", null),
    ],
    "2021-01-21",
  );
  assert.deepEqual(
    grouped.current.map((s) => s.id),
    ["open", "ends-today", "starts-today"],
  );
  assert.deepEqual(
    grouped.past.map((s) => s.id),
    ["ended", "ended-earlier"],
  );
  assert.deepEqual(
    grouped.future.map((s) => s.id),
    ["starts-tomorrow"],
  );
});
