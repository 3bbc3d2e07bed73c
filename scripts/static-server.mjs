// A small static file server for dist/: correct MIME types (wasm!), an optional sub-path
// prefix (to test hosting under /policy/), loopback only. Used by `scripts/serve` and
// by the end-to-end tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

/** Serves `root` under `prefix` ('/' or '/policy/') on 127.0.0.1:`port` (0 = any). */
export function serve(root, { port = 0, prefix = '/' } = {}) {
  root = path.resolve(root);
  // Long enough request lines for the tests' 100 KB queries.
  const server = http.createServer({ maxHeaderSize: 1 << 20 }, (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let rel;
    try {
      rel = decodeURIComponent(url.pathname);
    } catch {
      // A malformed percent-encoding (`/%E0%A4%A`): a bad request, not a crash.
      res.writeHead(400, { 'content-type': 'text/plain' }).end('bad request');
      return;
    }
    if (!rel.startsWith(prefix) || rel.includes('\0')) { res.writeHead(404).end('not found'); return; }
    rel = rel.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(root, '.' + path.sep + rel);
    // Inside root: the root itself or below it (`dist-x/` starts with `dist` too).
    if (file !== root && !file.startsWith(root + path.sep)) { res.writeHead(403).end(); return; }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'); return; }
      res.writeHead(200, {
        'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
        'cache-control': 'no-cache',
      }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  const server = await serve(path.resolve(root), { port: Number(port) });
  console.log(`HTS Policy Explorer: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
