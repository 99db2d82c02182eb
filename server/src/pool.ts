// A bounded pool of worker threads for `vnhr check` over many files. Each
// worker loads only the engine (server/out/checkWorker.js); texts go to the
// first idle worker, answers are matched by id, so the caller keeps its input
// order. A check runs exactly as `check(text, config)` would in this thread.
// The calling thread takes queued texts too (runQueuedHere): with N cores,
// N-1 workers and this thread, one engine fewer to load and warm up.
import { Worker } from 'node:worker_threads';
import { check, type Finding, type ResolvedConfig } from './engine';
import type { CheckRequest, CheckResponse } from './checkWorker';

interface Slot {
  worker: Worker;
  busy: boolean;
  /** Config keys this worker already holds. */
  keys: Set<string>;
}

interface Job {
  text: string;
  config: ResolvedConfig;
  resolve: (f: Finding[]) => void;
  reject: (e: Error) => void;
}

export class CheckPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private pending = new Map<number, { slot: Slot; job: Job }>();
  private nextId = 0;
  private failed: Error | undefined;
  private closing = false;

  constructor(size: number, workerFile: string) {
    for (let i = 0; i < size; i++) {
      const slot: Slot = { worker: new Worker(workerFile), busy: false, keys: new Set() };
      slot.worker.on('message', (r: CheckResponse) => this.answer(r));
      // A worker that dies takes its job with it: fail every waiting check rather than hang.
      slot.worker.on('error', (e) => this.fail(e));
      slot.worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`check worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  check(text: string, config: ResolvedConfig): Promise<Finding[]> {
    return new Promise((resolve, reject) => {
      if (this.failed) return reject(this.failed);
      this.queue.push({ text, config, resolve, reject });
      this.dispatch();
    });
  }

  /** Check one queued text in this thread; false when none is waiting. */
  runOneHere(): boolean {
    const job = this.queue.shift();
    if (!job) return false;
    try {
      job.resolve(check(job.text, job.config));
    } catch (e) {
      job.reject(e as Error);
    }
    return true;
  }

  /** Check queued texts in this thread until none is left, letting the workers' answers in between. */
  async runQueuedHere(): Promise<void> {
    while (this.runOneHere()) await new Promise((r) => setImmediate(r));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (slot.busy || !this.queue.length) continue;
      const job = this.queue.shift()!;
      const id = this.nextId++;
      const msg: CheckRequest = { id, text: job.text, configKey: job.config.key };
      if (!slot.keys.has(job.config.key)) {
        msg.config = job.config.key;
        slot.keys.add(job.config.key);
      }
      slot.busy = true;
      this.pending.set(id, { slot, job });
      slot.worker.postMessage(msg);
    }
  }

  private answer(r: CheckResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    this.pending.delete(r.id);
    p.slot.busy = false;
    if ('error' in r) p.job.reject(new Error(r.error));
    else p.job.resolve(r.findings);
    this.dispatch();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    for (const { job } of this.pending.values()) job.reject(e);
    this.pending.clear();
    for (const job of this.queue.splice(0)) job.reject(e);
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
