import { createServer } from 'node:net';

/**
 * Resolves when nothing listens on the port; otherwise rejects with one clear sentence.
 * @param {number} port
 * @param {string} what
 * @param {string} [envVar]
 * @returns {Promise<void>}
 */
export function assertPortFree(port, what, envVar) {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (/** @type {NodeJS.ErrnoException} */ error) => {
      const hint = envVar ? ` or set ${envVar} to another port` : '';
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `port ${port} (${what}) is already in use: stop what uses it${hint}.`
            : `cannot listen on port ${port} (${what}): ${error.message}`,
        ),
      );
    });
    server.once('listening', () => server.close(() => resolve()));
    server.listen(port, '127.0.0.1');
  });
}

/**
 * Polls an HTTP address until it answers with one of `okStatuses`.
 * @param {string} url
 * @param {{ timeoutMs?: number, okStatuses?: number[], what?: string, isAlive?: () => boolean }} [options]
 */
export async function waitForHttp(
  url,
  { timeoutMs = 120_000, okStatuses = [200], what = url, isAlive } = {},
) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    if (isAlive && !isAlive()) throw new Error(`${what} exited before it became ready`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (okStatuses.includes(res.status)) return;
      last = `HTTP ${res.status}`;
    } catch (error) {
      last = error.cause?.code ?? error.message;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(
    `${what} did not become ready at ${url} within ${Math.round(timeoutMs / 1000)} s (last: ${last})`,
  );
}
