/**
 * The load generator, run as its own process (so that it does not share the server's event loop):
 * `node bench/load.ts URL CONNECTIONS SECONDS [HEADER=VALUE ...]` runs autocannon against one URL
 * and prints one line of JSON: requests per second, latency percentiles (p95 from every response,
 * which autocannon's summary lacks), errors.
 */
import autocannon from "autocannon";

const [url, connections = "10", seconds = "5", ...headerArgs] = process.argv.slice(2);
if (!url) throw new Error("usage: load.ts URL [CONNECTIONS] [SECONDS] [HEADER=VALUE ...]");
const headers = Object.fromEntries(
  headerArgs.map((arg) => [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]),
);

const latencies: number[] = [];
const result = await new Promise<autocannon.Result>((resolve, reject) => {
  const instance = autocannon(
    { url, connections: Number(connections), duration: Number(seconds), headers },
    (error: unknown, finished: autocannon.Result) => (error ? reject(error) : resolve(finished)),
  );
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
});
latencies.sort((a, b) => a - b);
const percentile = (p: number) =>
  latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    requestsPerSecond: result.requests.average,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errors: result.errors + result.timeouts + result.non2xx,
    responses: latencies.length,
  }),
);
