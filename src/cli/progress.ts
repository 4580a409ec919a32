import cliProgress from "cli-progress";

/** One step of a long command: `done` of `total` units of `step` (a table, a file, a batch). */
interface ProgressEvent {
  step: string;
  name?: string;
  done: number;
  total: number;
}

/** A progress bar on a terminal; a line per table, per tenth of the way and at the end elsewhere (CI logs, pipes). */
export function terminalProgress(label: string): {
  onProgress: (event: ProgressEvent) => void;
  stop(): void;
} {
  if (!process.stderr.isTTY) {
    return {
      onProgress: (event) => {
        const tenth = Math.max(1, Math.floor(event.total / 10));
        if (event.step === "table" || event.done === event.total || event.done % tenth === 0) {
          process.stderr.write(
            `${label}: ${event.step} ${event.done}/${event.total} ${event.step === "table" ? (event.name ?? "") : ""}\n`,
          );
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} {step} [{bar}] {value}/{total} {name}`, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let current = "";
  return {
    onProgress: (event) => {
      if (event.step !== current) {
        if (current) bar.stop();
        current = event.step;
        bar.start(event.total, 0, { step: event.step, name: "" });
      }
      bar.update(event.done, { step: event.step, name: event.step === "table" ? (event.name ?? "") : "" });
    },
    stop: () => bar.stop(),
  };
}
