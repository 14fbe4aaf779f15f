/** Fetches JSON with a timeout; errors say what failed in words a reader understands. */
export async function fetchJson(
  url: string,
  signal?: AbortSignal,
  timeoutMs = 15_000,
): Promise<unknown> {
  const timeout = AbortSignal.timeout(timeoutMs);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (timeout.aborted) throw new Error(`Loading ${url} took longer than ${timeoutMs / 1000} s.`);
    throw error instanceof Error && error.name === 'AbortError'
      ? error
      : new Error(`Could not reach ${url} (network error).`);
  }
  if (!response.ok) {
    throw new Error(
      `Loading ${url} failed: ${response.status === 404 ? 'not found (404)' : `HTTP ${response.status}`}.`,
    );
  }
  // response.json() decodes and parses in one step, without a JavaScript string of the whole body.
  try {
    return (await response.json()) as unknown;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    if (timeout.aborted) throw new Error(`Loading ${url} took longer than ${timeoutMs / 1000} s.`);
    throw new Error(`${url} is not valid JSON.`);
  }
}

/** URL of a data file under the app's base (works when the app is served from a sub-folder). */
export function dataUrl(path: string): string {
  return `${import.meta.env.BASE_URL}data/${path}`;
}
