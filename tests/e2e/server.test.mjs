// The static server of scripts/serve and of these tests: hostile paths neither crash it
// nor reach files outside the folder it serves. Needs no build and no browser.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const { serve } = await import(path.join(ROOT, 'scripts/static-server.mjs'));

// A served folder `dist` and a sibling `dist-x` whose name starts with it.
const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-server-'));
const root = path.join(parent, 'dist');
fs.mkdirSync(root);
fs.mkdirSync(path.join(parent, 'dist-x'));
fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>ok</title>');
fs.writeFileSync(path.join(parent, 'dist-x', 'secret.txt'), 'secret');
fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret');

let server;
let port;
before(async () => { server = await serve(root); port = server.address().port; });
after(() => { server.close(); fs.rmSync(parent, { recursive: true, force: true }); });

/** GET `rawPath` exactly as written (no client-side normalisation). */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (c) => { body += c; });
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('serves the folder', async () => {
  const r = await get('/');
  assert.equal(r.status, 200);
  assert.match(r.body, /<title>ok/);
});

test('a malformed percent-encoding is a 400, not a crash', async () => {
  const r = await get('/%E0%A4%A');
  assert.equal(r.status, 400);
  // Still serving afterwards.
  assert.equal((await get('/index.html')).status, 200);
});

test('an encoded path to a sibling folder sharing the prefix is refused', async () => {
  for (const p of ['/%2E%2E%2Fdist-x/secret.txt', '/..%2Fdist-x%2Fsecret.txt', '/%2E%2E%2Fsecret.txt', '/%2e%2e/%2e%2e/secret.txt']) {
    const r = await get(p);
    assert.ok([403, 404].includes(r.status), `${p}: ${r.status}`);
    assert.notEqual(r.body, 'secret', p);
  }
});
