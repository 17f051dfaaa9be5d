import type { HttpClient, HttpResponse, Sleeper } from '../ports/index.js';

/** POST with Node's fetch; a timeout aborts the request (and counts as a network error). */
export const fetchHttpClient: HttpClient = {
  async post(url, body, headers, timeoutMs): Promise<HttpResponse> {
    const response = await fetch(url, { method: 'POST', body, headers, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    await response.arrayBuffer().catch(() => undefined);
    const retryAfter = Number(response.headers.get('retry-after'));
    return { status: response.status, retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter >= 0 ? retryAfter : undefined };
  },
};

export const realSleeper: Sleeper = { sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)) };
