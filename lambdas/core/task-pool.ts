/** Runs at most `limit` tasks at once; `run` waits only for a free slot, not for the task. */
export class TaskPool {
  private readonly running = new Set<Promise<void>>();
  constructor(private readonly limit: number) {}

  async run(task: () => Promise<void>): Promise<void> {
    while (this.running.size >= Math.max(1, this.limit)) await Promise.race(this.running);
    const promise: Promise<void> = task().finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  get size(): number {
    return this.running.size;
  }

  /** Resolves when any running task finishes, or when `signal` aborts. */
  next(signal?: AbortSignal): Promise<void> {
    return settledOrAborted(Promise.race(this.running), signal);
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
  }
}

/** Resolves when `promise` settles or `signal` aborts. */
function settledOrAborted(promise: Promise<unknown>, signal: AbortSignal | undefined): Promise<void> {
  if (!signal) return promise.then(() => undefined);
  return new Promise((resolve) => {
    const done = () => {
      signal.removeEventListener('abort', done);
      resolve();
    };
    signal.addEventListener('abort', done, { once: true });
    void promise.then(done, done);
  });
}
