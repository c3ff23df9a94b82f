// Serves the built console (a single-page app) and its runtime configuration.
import { createServer } from 'node:http';
import { existsSync } from 'node:fs';
import sirv from 'sirv';

export function serveConsole({ dir, port, host = '127.0.0.1', runtimeConfig }) {
  if (!existsSync(dir)) throw new Error(`the console is not built: ${dir} is missing`);
  const assets = sirv(dir, { single: true, dev: false, etag: true, gzip: false });
  const configJson = JSON.stringify(runtimeConfig);
  const server = createServer((req, res) => {
    if (req.url === '/config.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(configJson);
      return;
    }
    assets(req, res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () =>
      resolve({
        url: `http://localhost:${port}`,
        stop: () => new Promise((r) => server.close(() => r(undefined))),
      }),
    );
  });
}
