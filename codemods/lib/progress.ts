// A one-line progress bar on stderr, redrawn with \r. Only on an interactive terminal outside CI;
// otherwise every method is a no-op so piped output and CI logs stay clean.
import type { WriteStream } from "node:tty";

export interface ProgressSink {
  start(total: number): void;
  tick(file: string): void;
  /** Print a line above the bar (the bar is cleared and redrawn). */
  log(line: string): void;
  stop(): void;
}

export const noProgress: ProgressSink = {
  start() {},
  tick() {},
  log(line) {
    process.stderr.write(`${line}\n`);
  },
  stop() {},
};

export function progressEnabled(stream: NodeJS.WriteStream = process.stderr, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !env["CI"] && env["TERM"] !== "dumb";
}

export function formatBar(done: number, total: number, rate: number, current: string, columns: number): string {
  const width = 20;
  const ratio = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(ratio * width);
  const bar = `[${"#".repeat(filled)}${"-".repeat(width - filled)}]`;
  const head = `${bar} ${done}/${total} ${String(Math.floor(ratio * 100)).padStart(3)}% ${rate.toFixed(1)} files/s `;
  const room = Math.max(0, columns - head.length - 1);
  const tail = current.length > room ? `…${current.slice(current.length - room + 1)}` : current;
  return room > 0 ? head + tail : head.slice(0, Math.max(0, columns - 1));
}

export class ProgressBar implements ProgressSink {
  private total = 0;
  private done = 0;
  private current = "";
  private started = 0;
  private lastDraw = 0;
  private drawn = false;

  constructor(private readonly stream: WriteStream = process.stderr as WriteStream) {}

  start(total: number): void {
    this.total = total;
    this.started = performance.now();
    this.draw(true);
  }

  tick(file: string): void {
    this.done += 1;
    this.current = file;
    this.draw(this.done === this.total);
  }

  log(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
    this.draw(true);
  }

  stop(): void {
    this.clear();
  }

  private clear(): void {
    if (this.drawn) this.stream.write("\r\x1b[2K");
    this.drawn = false;
  }

  private draw(force: boolean): void {
    const now = performance.now();
    if (!force && now - this.lastDraw < 80) return;
    this.lastDraw = now;
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const columns = this.stream.columns || 80;
    this.stream.write(`\r\x1b[2K${formatBar(this.done, this.total, rate, this.current, columns)}`);
    this.drawn = true;
  }
}
