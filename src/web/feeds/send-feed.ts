import { createHash } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";

/** How long a subscriber or a proxy may reuse a feed before asking again. */
const FEED_MAX_AGE_SECONDS = 300;

function entityTag(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 13.1.2: weak comparison, a list of tags or `*`. */
function matches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === "*") return true;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag);
}

/**
 * Sends a feed with an ETag made from its bytes, answering 304 when the reader has them already.
 * Only the ETag decides: Last-Modified is the newest change among what the feed shows, but a
 * meeting that leaves a feed (an appointment ended, a meeting moved) changes the bytes without a
 * newer date, so If-Modified-Since alone is not trusted.
 */
export function sendFeed(
  request: FastifyRequest,
  reply: FastifyReply,
  feed: { body: string; contentType: string; lastModified: Date },
): FastifyReply {
  const etag = entityTag(feed.body);
  reply
    .header("etag", etag)
    .header("last-modified", feed.lastModified.toUTCString())
    .header("cache-control", `public, max-age=${FEED_MAX_AGE_SECONDS}`)
    // The language may come from a cookie.
    .header("vary", "Cookie");
  const ifNoneMatch = request.headers["if-none-match"];
  if (ifNoneMatch && matches(ifNoneMatch, etag)) return reply.code(304).send();
  return reply.type(feed.contentType).send(feed.body);
}
