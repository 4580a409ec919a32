import cliProgress from "cli-progress";
import type { ExportProgress } from "../core/archive/export-record.ts";

/** A progress bar on a terminal; one line per step elsewhere (CI logs, pipes). */
export function terminalProgress(label: string): { onProgress: ExportProgress; stop(): void } {
  if (!process.stderr.isTTY) {
    return {
      onProgress: (event) => {
        if (event.step === "table" || event.done === event.total) {
          process.stderr.write(
            `${label}: ${event.step} ${event.done}/${event.total} ${event.step === "table" ? event.name : ""}\n`,
          );
        }
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${label} {step} [{bar}] {value}/{total} {name}`, stream: process.stderr },
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
      bar.update(event.done, { step: event.step, name: event.step === "table" ? event.name : "" });
    },
    stop: () => bar.stop(),
  };
}
