/**
 * The child process of the memory benchmark (bench/memory.ts): it plays one
 * Lambda function. It loads the function's bundle (built as the stack builds it),
 * invokes its handler with the SQS events the parent's queue poller passes over
 * IPC, and for a measured invocation reports RSS before (the baseline) and the
 * peak during it. Only Node built-ins here: the child holds nothing but the function.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';

type Handler = (event: unknown) => Promise<{ batchItemFailures?: unknown[] } | void>;

export interface ProbeRequest {
  id: number;
  event: unknown;
  measure: boolean;
}

export interface InvocationMemory {
  baselineRssBytes: number;
  /** The larger of the sampled peak and the kernel's high-water mark for the invocation. */
  peakRssBytes: number;
  sampledPeakRssBytes: number;
  kernelPeakRssBytes: number;
  /** `vmhwm-reset`: the kernel's peak was reset before the invocation; `maxrss`: the process's lifetime peak. */
  kernelPeakSource: 'vmhwm-reset' | 'maxrss';
  peakHeapUsedBytes: number;
  peakExternalBytes: number;
  peakArrayBuffersBytes: number;
  samples: number;
  durationMs: number;
}

export interface ProbeResponse {
  id: number;
  batchItemFailures: number;
  error?: string;
  memory?: InvocationMemory;
}

const SAMPLE_INTERVAL_MS = 2;

const bundle = process.argv[2];
if (!bundle) throw new Error('usage: memory-probe <handler bundle>');
const { handler } = createRequire(import.meta.url)(bundle) as { handler: Handler };

process.on('message', (request: ProbeRequest) => {
  void answer(request).then((response) => process.send!(response));
});
// Ready, with the RSS of the loaded function before any invocation (for context in the report).
process.send!({ ready: true, loadedRssBytes: process.memoryUsage.rss() });

async function answer(request: ProbeRequest): Promise<ProbeResponse> {
  const invoke = async () => ((await handler(request.event)) ?? {}).batchItemFailures?.length ?? 0;
  try {
    if (!request.measure) return { id: request.id, batchItemFailures: await invoke() };
    const { result, memory } = await measure(invoke);
    return { id: request.id, batchItemFailures: result, memory };
  } catch (error) {
    return { id: request.id, batchItemFailures: -1, error: error instanceof Error ? `${error.name}: ${error.message.slice(0, 300)}` : String(error) };
  }
}

async function measure<T>(run: () => Promise<T>): Promise<{ result: T; memory: InvocationMemory }> {
  // Let the previous invocation's sockets and timers wind down before the baseline.
  await new Promise((resolve) => setTimeout(resolve, 200));
  const baselineRssBytes = process.memoryUsage.rss();
  const peakReset = resetKernelPeak();
  const peaks = { rss: baselineRssBytes, heapUsed: 0, external: 0, arrayBuffers: 0, samples: 0 };
  const sample = () => {
    const usage = process.memoryUsage();
    peaks.rss = Math.max(peaks.rss, usage.rss);
    peaks.heapUsed = Math.max(peaks.heapUsed, usage.heapUsed);
    peaks.external = Math.max(peaks.external, usage.external);
    peaks.arrayBuffers = Math.max(peaks.arrayBuffers, usage.arrayBuffers);
    peaks.samples++;
  };
  // Samples only land between synchronous stretches; the kernel's high-water mark catches the rest.
  const timer = setInterval(sample, SAMPLE_INTERVAL_MS);
  const started = performance.now();
  let result: T;
  try {
    result = await run();
  } finally {
    clearInterval(timer);
  }
  const durationMs = performance.now() - started;
  sample();
  const kernelPeakRssBytes = peakReset ? kernelHighWaterMark() : process.resourceUsage().maxRSS * 1024;
  return {
    result,
    memory: {
      baselineRssBytes,
      peakRssBytes: Math.max(peaks.rss, kernelPeakRssBytes),
      sampledPeakRssBytes: peaks.rss,
      kernelPeakRssBytes,
      kernelPeakSource: peakReset ? 'vmhwm-reset' : 'maxrss',
      peakHeapUsedBytes: peaks.heapUsed,
      peakExternalBytes: peaks.external,
      peakArrayBuffersBytes: peaks.arrayBuffers,
      samples: peaks.samples,
      durationMs,
    },
  };
}

/** Linux: writing 5 to clear_refs resets the peak RSS (VmHWM) to the current RSS. */
function resetKernelPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return kernelHighWaterMark() > 0;
  } catch {
    return false;
  }
}

function kernelHighWaterMark(): number {
  const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : 0;
}
