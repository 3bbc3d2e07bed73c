// Second half of the Trunk post_build hook, on the staging folder:
// 1. moves Trunk's inline boot script into a file, so the hosted page runs under a strict
//    Content-Security-Policy with no inline script (`wasm-unsafe-eval` is the only grant).
//    Splits the code loaded on first use out of the wasm. Shortens the names between the
//    wasm and its glue, and minifies the glue. Puts the prerendered first paint (written
//    by `hts-compile --prerender`) into the page, with the stylesheet inlined and a tiny
//    classic script that tells a shared link (query or fragment) from the default view,
//    so CSS shows a placeholder instead of unfiltered results;
// 2. writes a service worker with a cache named after this build, so the site works
//    offline after one visit and a new deploy never serves the old app;
// 3. writes offline.html: one file with the CSS, JS and every wasm module inlined, for
//    file:// use;
// 4. writes precompressed copies (`.br`, `.gz`) beside every text and wasm file, for hosts
//    that serve them (they are in neither the service worker's list nor offline.html).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import os from 'node:os';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const [staging, cargoWasm] = process.argv.slice(2);
if (!staging || !cargoWasm) throw new Error('usage: post-build.mjs STAGING_DIR CARGO_OUTPUT.wasm');
const read = (f) => fs.readFileSync(path.join(staging, f));
const indexPath = path.join(staging, 'index.html');
let html = fs.readFileSync(indexPath, 'utf8');
const sha = (data, n = 16) => crypto.createHash('sha256').update(data).digest('hex').slice(0, n);
/** The wasm features wasm-opt may use (those Trunk's wasm-opt run had): without them
 *  Binaryen may write encodings browsers do not read. */
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];

// --- 1. boot script out of the page, CSP in.
// Trunk may minify the page: attributes quoted or not.
const inline = html.match(/<script type="?module"?[^>]*>([\s\S]*?)<\/script>/);
if (!inline) throw new Error('no inline boot script in index.html: has Trunk changed its output?');
let jsFile = inline[1].match(/from ['"]\.\/([^'"]+\.js)['"]/)[1];
let wasmFile = inline[1].match(/module_or_path: ['"]\.\/([^'"]+\.wasm)['"]/)[1];
const registerWorker = `
if ('serviceWorker' in navigator && location.protocol.startsWith('http')) {
  navigator.serviceWorker.register('./sw.js').catch((e) => console.warn('offline cache unavailable:', e.message));
}`;
// Written in 1c', once the files it imports have their final names.
let boot = inline[1].trim() + '\n' + registerWorker + '\n';
let bootFile = `boot-${sha(boot)}.js`;
html = html.replace(inline[0], `<script type="module" src="./${bootFile}"></script>`);
const csp = [
  "default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data:",
  "connect-src 'self'", "worker-src 'self'", "manifest-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');
html = html.replace(/<meta charset="?utf-8"?>/i, (m) => `${m}\n  <meta http-equiv="Content-Security-Policy" content="${csp}">`);
fs.writeFileSync(indexPath, html);

// --- 1a. the code loaded on first use cut out of the wasm (see splitWasm), and the wasm
// optimised (index.html turns Trunk's wasm-opt off): Trunk's wasm-bindgen output is
// replaced, under the same names.
const chunks = splitWasm(cargoWasm, jsFile, wasmFile);

// --- 1b. the names between the wasm and its glue shortened: wasm-bindgen names each
// import `__wbg_<method>_<16 hex digits>` and the module `./<app>_bg.js`, once in the wasm
// and once in the glue (6.2 kB of the wasm's import section, as many in the glue).
// Binaryen renames imports, exports and the module (`a`, `b` …) and prints the mapping;
// the glue is renamed to match, and the build fails if any name of it is left unmatched.
const glueSource = renameWasmNames(path.join(staging, wasmFile), read(jsFile).toString());
html = withIntegrity(html, wasmFile, read(wasmFile));
fs.writeFileSync(indexPath, html);

// --- 1c. the wasm-bindgen glue minified (terser keeps the module's export names), its
// Subresource Integrity hash updated. The unminified glue is kept for offline.html.
{
  const lean = (await minify(glueSource, { module: true, compress: true, mangle: true })).code;
  fs.writeFileSync(path.join(staging, jsFile), lean);
  html = withIntegrity(html, jsFile, lean);
  fs.writeFileSync(indexPath, html);
}

// --- 1c'. the wasm, the glue and the boot script named after their final bytes. Trunk
// hashes them before this hook changes them, so a change to the steps above alone (a new
// renaming, another optimisation) would ship new bytes under an old name, and a browser
// holding the old file under that name would fail its integrity check and never start.
{
  // Trunk writes its hash in hex without leading zeros: 15 digits one time in 16.
  const trunkHash = /-[0-9a-f]+(?=(_bg)?\.(js|wasm)$)/;
  const rename = (file) => {
    if (!trunkHash.test(file)) throw new Error(`post-build: ${file} has no content hash in its name: is filehash off in Trunk.toml?`);
    const next = file.replace(trunkHash, `-${sha(read(file))}`);
    fs.renameSync(path.join(staging, file), path.join(staging, next));
    html = html.replaceAll(`./${file}`, `./${next}`);
    boot = boot.replaceAll(`./${file}`, `./${next}`);
    return next;
  };
  wasmFile = rename(wasmFile);
  jsFile = rename(jsFile);
  const next = `boot-${sha(boot)}.js`;
  fs.writeFileSync(path.join(staging, next), boot);
  html = html.replace(`./${bootFile}`, `./${next}`);
  bootFile = next;
  fs.writeFileSync(indexPath, html);
}

// --- 1d. the stylesheet inlined, allowed by its hash in the CSP (`style-src 'self'
// 'sha256-…'`; still no inline script): the first paint waits for no stylesheet request,
// one round trip less on a first visit. Interleaved fresh loads of the 5-document site,
// median first contentful paint, three A/B runs of 40–60 loads each: 112 → 100, 108 → 104
// and 100 → 96 ms (on a real network the gain is a round trip). offline.html, built from
// this page, has it inlined too; the static pages (docs/) still link the file.
const stylesheet = html.match(/<link[^>]*rel="?stylesheet"?[^>]*>/);
const inlinedSheet = stylesheet?.[0].match(/href="?\.\/([^"\s>]+\.css)/)?.[1];
if (!inlinedSheet) throw new Error('no stylesheet link in index.html');
{
  const css = read(inlinedSheet).toString();
  if (/<\/style/i.test(css)) throw new Error(`${inlinedSheet} contains </style: it cannot be inlined`);
  const cssHash = `'sha256-${crypto.createHash('sha256').update(css).digest('base64')}'`;
  if (!html.includes("style-src 'self'")) throw new Error("no style-src 'self' in the page's CSP");
  html = html.replace("style-src 'self'", () => `style-src 'self' ${cssHash}`).replace(stylesheet[0], () => `<style>${css}</style>`);
  fs.writeFileSync(indexPath, html);
}

// --- 1e. the prerendered first paint, in place of the page's <noscript> line (the block
// carries its own). The app removes #prerendered in the task that mounts it. A classic
// script in <head> (allowed by script-src 'self', run before the body is parsed) marks the
// page `hts-js`, and `hts-state` when the URL has a query or a fragment: CSS then shows a
// placeholder instead of the unfiltered results. offline.html is built from the page
// without the block: it opens from disk at once, and docs/ is not beside it.
const appHtml = html;
{
  const blockPath = path.join(staging, 'prerendered.html');
  if (!fs.existsSync(blockPath)) throw new Error('no prerendered.html: hts-compile --prerender did not run');
  const block = fs.readFileSync(blockPath, 'utf8');
  fs.rmSync(blockPath);
  const stateScript = "document.documentElement.classList.add('hts-js');if(location.search||location.hash)document.documentElement.classList.add('hts-state');\n";
  const stateFile = `state-${sha(stateScript)}.js`;
  fs.writeFileSync(path.join(staging, stateFile), stateScript);
  const noscript = /<noscript>[\s\S]*?<\/noscript>/;
  if (!noscript.test(html)) throw new Error('no <noscript> in index.html to put the prerendered block at');
  // After the stylesheet (before, its link, so the parser asked for it before it waited
  // for the script).
  html = html
    .replace('</style>', () => `</style><script src="./${stateFile}"></script>`)
    .replace(noscript, () => block);
  fs.writeFileSync(indexPath, html);
}

// --- 2. service worker over every file the app needs (not the downloadable data set,
// which the app does not read: precaching it would add it to every first visit; nor the
// static document pages, which are for readers without JavaScript, nor the stylesheet
// that only they link: the page has it inlined).
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(path.join(staging, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) { if (rel !== 'data' && rel !== 'docs') walk(rel); } else if (!['sw.js', 'offline.html', inlinedSheet].includes(rel) && !/\.(br|gz)$/.test(rel)) files.push(rel);
  }
})('');
files.sort();
// The English edition is not precached (most visitors never ask for it) but cached on
// first use; its hash is in the version, so a new translation replaces the cached one.
const EN = 'data/policies.en.json';
const hasEn = fs.existsSync(path.join(staging, EN));
const version = sha([...files, ...(hasEn ? [EN] : [])].map((f) => f + ':' + sha(read(f))).join('\n'));
const worker = `// Generated by scripts/post-build.mjs. Build ${version}.
const CACHE = 'hts-explorer-${version}';
const FILES = ${JSON.stringify(['./', ...files.map((f) => './' + f)])};
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => {
  e.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('hts-explorer-') && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});
// Pages: network first (a new deploy is seen at once), the cached page when offline.
// Hashed assets: cache first (their names change with their content).
self.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== location.origin) return;
  if (req.mode === 'navigate') {
    e.respondWith(fetch(req).catch(() => caches.open(CACHE).then((c) => c.match('./index.html'))));
    return;
  }
  // The English edition: cached on first use (runtime caching), not precached.
  if (new URL(req.url).pathname.endsWith('/${EN}')) {
    e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req).then((res) => {
      if (res.ok) c.put(req, res.clone());
      return res;
    }))));
    return;
  }
  e.respondWith(caches.open(CACHE).then((c) => c.match(req, { ignoreSearch: true }).then((hit) => hit || fetch(req))));
});
`;
fs.writeFileSync(path.join(staging, 'sw.js'), worker);

// --- 3. offline.html: everything inlined.
let glue = glueSource;
if (/^import /m.test(glue)) throw new Error(`${jsFile} imports other files: offline.html cannot inline it`);
glue = glue
  .replace(/^export (function|class|const|let|async function) /gm, '$1 ')
  .replace(/^export \{[^}]*\};?\s*$/gm, '')
  .replace(/^export default [^;]+;?\s*$/gm, '');
// The wasm gzipped, then base64: the browser inflates it with DecompressionStream, so the
// file is about as small as the hosted site's download (base64 of raw wasm compresses badly).
const gzipped = (file) => JSON.stringify(zlib.gzipSync(read(file), { level: 9 }).toString('base64'));
const wasm = gzipped(wasmFile);
// The modules loaded on first use likewise, in place of their fetch (file:// cannot fetch).
for (const chunk of chunks) {
  const fetchOf = new RegExp(`fetch\\(new URL\\("\\./${chunk.replace(/[.]/g, '\\.')}", import\\.meta\\.url\\), \\{ integrity: "[^"]+" \\}\\)`);
  if (!fetchOf.test(glue)) throw new Error(`post-build: the glue does not fetch ${chunk}`);
  glue = glue.replace(fetchOf, () => `inflated(${gzipped(chunk)})`);
}
const linkTo = (rel) => {
  const tag = appHtml.match(new RegExp(`<link[^>]*rel="?${rel}"?[^>]*>`));
  return tag && { tag: tag[0], file: tag[0].match(/href="?\.\/([^"\s>]+)/)[1] };
};
const icon = linkTo('icon');
let offline = appHtml
  .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>\n?\s*/, '')
  .replace(/<link[^>]*rel="?(modulepreload|preload)"?[^>]*>\s*/g, '')
  .replace(/<script type="module" src="[^"]*"><\/script>/, '');
if (icon) offline = offline.replace(icon.tag, () => `<link rel="icon" href="data:image/svg+xml;base64,${read(icon.file).toString('base64')}">`);
const script = (await minify(`const inflated = async (base64) => new Response(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))])
  .stream().pipeThrough(new DecompressionStream('gzip')), { headers: { 'content-type': 'application/wasm' } });
${glue}
await __wbg_init({ module_or_path: await (await inflated(${wasm})).arrayBuffer() });`, { module: true, compress: true, mangle: true })).code;
const loader = `<script type="module">${script}</script>`;
// The English edition inlined as JSON, read by the app when English is chosen (it cannot
// fetch a file from file://). Inside <script>, `</` would end the element and `<!--`
// would change how it is parsed: both escaped, the JSON unchanged in meaning.
const english = hasEn
  ? `<script type="application/json" id="hts-en">${read(EN).toString().replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--')}</script>\n`
  : '';
offline = offline.replace('</body>', () => english + loader + '\n</body>');
fs.writeFileSync(path.join(staging, 'offline.html'), offline);
// --- 4. precompressed copies, last, so they cover sw.js and offline.html too. Brotli at
// its highest quality, gzip at level 9 (as scripts/bench measures); a copy that would not
// be smaller is not written.
const COMPRESSIBLE = /\.(html|js|mjs|css|json|svg|txt|wasm)$/;
let precompressed = 0;
(function compress(dir) {
  for (const e of fs.readdirSync(path.join(staging, dir), { withFileTypes: true })) {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) { compress(rel); continue; }
    if (!COMPRESSIBLE.test(e.name)) continue; // (also skips earlier .br and .gz copies)
    const body = read(rel);
    const text = !e.name.endsWith('.wasm');
    const copies = {
      br: zlib.brotliCompressSync(body, { params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: text ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
      } }),
      gz: zlib.gzipSync(body, { level: 9 }),
    };
    for (const [ext, data] of Object.entries(copies)) {
      if (data.length < body.length) { fs.writeFileSync(path.join(staging, `${rel}.${ext}`), data); precompressed++; }
    }
  }
})('');

console.log(`post-build: ${bootFile}, sw.js (cache ${version}, ${files.length} files), offline.html (${(offline.length / 1024).toFixed(0)} KiB), ${precompressed} precompressed copies`);

/** The tools scripts/setup installs: wasm-opt from the npm package, the others on PATH. */
function tool(name) {
  const local = path.join(path.dirname(fileURLToPath(import.meta.url)), 'node_modules', '.bin', name);
  return fs.existsSync(local) ? local : name;
}

/** Optimises a wasm module for size (what Trunk's `data-wasm-opt="z"` did, names dropped). */
function optimise(from, to) {
  execFileSync(tool('wasm-opt'), ['-Oz', '--low-memory-unused', '--strip-producers', '--strip-target-features', '--strip-debug', ...WASM_FEATURES, from, '-o', to]);
}

/** Splits what cargo built at its split points (`wasm_split`, src/lazy.rs) with
 *  wasm-split-cli: a main module, a module per split point and one per part they share,
 *  and the JavaScript that loads them. Runs wasm-bindgen on the main module as Trunk did
 *  (keeping the exports the other modules link to) and wasm-opt on every module; writes
 *  the main module and its glue over Trunk's files, and each other module as
 *  `<name>-<hash>.wasm`, fetched with its Subresource Integrity hash. The loader goes into
 *  the glue: as two files they would import each other, and neither name could carry the
 *  other's hash. Returns the other modules' file names. */
function splitWasm(cargoWasm, jsFile, wasmFile) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-split-'));
  try {
    execFileSync(tool('wasm-split-cli'), [cargoWasm, tmp, '--out-name', 'app', '--target', 'web'], { stdio: ['ignore', 'inherit', 'inherit'] });
    const bg = path.join(tmp, 'bg');
    execFileSync(tool('wasm-bindgen'), ['--target', 'web', '--keep-lld-exports', '--no-demangle', '--no-typescript', '--out-name', 'app', '--out-dir', bg, path.join(tmp, 'app.wasm')]);
    optimise(path.join(bg, 'app_bg.wasm'), path.join(staging, wasmFile));
    const glue = fs.readFileSync(path.join(bg, 'app.js'), 'utf8');
    const loaderPath = path.join(tmp, '__wasm_split.js');
    if (!fs.existsSync(loaderPath)) {
      fs.writeFileSync(path.join(staging, jsFile), glue);
      return [];
    }
    let loader = fs.readFileSync(loaderPath, 'utf8');
    const chunks = [];
    for (const f of fs.readdirSync(tmp).filter((f) => f.endsWith('.wasm') && f !== 'app.wasm')) {
      const optimised = path.join(bg, f);
      optimise(path.join(tmp, f), optimised);
      const bytes = fs.readFileSync(optimised);
      const name = f.replace(/\.wasm$/, `-${sha(bytes)}.wasm`);
      fs.writeFileSync(path.join(staging, name), bytes);
      const fetchOf = `fetch(new URL("./${f}", import.meta.url))`;
      if (!loader.includes(fetchOf)) throw new Error(`post-build: the split loader does not fetch ${f} as ${fetchOf}: has wasm-split-cli changed its output?`);
      const sri = 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');
      loader = loader.replace(fetchOf, () => `fetch(new URL("./${name}", import.meta.url), { integrity: "${sri}" })`);
      chunks.push(name);
    }
    fs.writeFileSync(path.join(staging, jsFile), withSplitLoader(glue, loader));
    return chunks;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** The glue with the split loader in it: the loader reads the main module's exports from
 *  the glue's `wasm` (so step 1b renames them), and its loads are among the imports of the
 *  wasm's own module (so step 1b renames them too). */
function withSplitLoader(glue, loader) {
  const changed = (what) => new Error(`post-build: ${what}: has wasm-split-cli or wasm-bindgen changed its output?`);
  const ownImport = /^import \{ initSync \} from "\.\/app\.js";?\n/m;
  const shared = loader.match(/const \{ ([^}]*) \} = initSync\(undefined, undefined\);/);
  if (!ownImport.test(loader) || !shared) throw changed('the split loader does not take the exports of the glue');
  const names = shared[1].split(',').map((n) => n.trim()).filter(Boolean);
  loader = loader.replace(ownImport, '').replace(shared[0], () => `const ${names.map((n) => `${n} = wasm.${n}`).join(', ')};`);
  const loads = [...loader.matchAll(/^export const __wasm_split_load_(\w+) = /gm)].map((m) => m[1]);
  loader = loader.replace(/^export const __wasm_split_load_(\w+) = /gm, 'const splitLoad_$1 = ');
  if (!loads.length || /^export /m.test(loader)) throw changed('the split loader does not export only its loads');
  const namespaces = [...glue.matchAll(/^import \* as (import\d+) from "\.\/__wasm_split\.js";?\n/gm)];
  if (!namespaces.length) throw changed('the glue does not import the split loader');
  for (const [line, ns] of namespaces) {
    const entry = new RegExp(`^\\s*"\\./__wasm_split\\.js": ${ns},\\n`, 'm');
    if (!entry.test(glue)) throw changed(`the glue does not pass ${ns} to the wasm`);
    glue = glue.replace(line, '').replace(entry, '');
  }
  const own = /(const import0 = \{\n(\s+)__proto__: null,\n)/;
  if (!own.test(glue)) throw changed('the glue has no import object `import0`');
  glue = glue.replace(own, (_, head, indent) => head + loads.map((l) => `${indent}__wasm_split_load_${l}: function(arg0, arg1) { return splitLoad_${l}(arg0, arg1); },\n`).join(''));
  return `${glue}\n${loader}`;
}

/** `html` with the Subresource Integrity hash of the link to `file` set for `data`. Trunk
 *  may minify the page: the attributes quoted or not, in either order. */
function withIntegrity(html, file, data) {
  const sri = 'sha384-' + crypto.createHash('sha384').update(data).digest('base64');
  const name = file.replace(/[.]/g, '\\.');
  const out = html.replace(new RegExp(`(<link[^>]*href="?\\./${name}"?[^>]*integrity=)"?[^"\\s>]+"?`), `$1"${sri}"`)
    .replace(new RegExp(`(<link[^>]*integrity=)"?[^"\\s>]+"?([^>]*href="?\\./${name}"?)`), `$1"${sri}"$2`);
  if (out === html) throw new Error(`post-build: no integrity attribute for ${file} in index.html: has Trunk changed its output?`);
  return out;
}

/** Shortens the import, export and module names of the wasm at `wasmPath` (rewritten in
 *  place) and returns `glue` with the same names. The same run optimises the wasm once
 *  more (Binaryen's `-Oz` is not idempotent): −0.44 kB gzip (node's zlib; GNU gzip −0.34)
 *  for 1.4 s of build. */
function renameWasmNames(wasmPath, glue) {
  const out = execFileSync(tool('wasm-opt'),
    ['--minify-imports-and-exports-and-modules', '--low-memory-unused', '-Oz', ...WASM_FEATURES, wasmPath, '-o', wasmPath], { encoding: 'utf8' });
  const map = JSON.parse(out.slice(out.indexOf('{')));
  const imports = WebAssembly.Module.imports(new WebAssembly.Module(fs.readFileSync(wasmPath)));
  const modules = new Set(imports.map((i) => i.module));
  // (The split loader's loads are in the glue's object for the wasm's own module: see
  // withSplitLoader.)
  const olds = new Set(map.imports.map(([m]) => m).filter((m) => m !== './__wasm_split.js'));
  if (modules.size !== 1 || olds.size !== 1) throw new Error(`post-build: expected the wasm to import from one module, found ${[...olds]}`);
  const [oldModule] = olds;
  const [newModule] = modules;
  const word = (name) => new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$')}(?![\\w$])`, 'g');
  const quoted = `"${oldModule}": import0`;
  if (!glue.includes(quoted)) throw new Error(`post-build: the glue does not name the wasm's import module as ${quoted}: has wasm-bindgen changed its output?`);
  glue = glue.replace(quoted, () => `"${newModule}": import0`);
  for (const [, name, short] of map.imports) {
    const key = new RegExp(`^(\\s+)${name}: function`, 'm');
    if (!key.test(glue)) throw new Error(`post-build: import ${name} of the wasm is not in the glue`);
    glue = glue.replace(key, (_, indent) => `${indent}${short}: function`);
  }
  for (const [name, short] of map.exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${name}(?![\\w$])`, 'g'), () => `wasm.${short}`);
  }
  const left = [
    ...map.imports.map(([, name]) => name).filter((name) => word(name).test(glue)),
    ...map.exports.map(([name]) => name).filter((name) => new RegExp(`\\bwasm\\.${name}(?![\\w$])`).test(glue)),
  ];
  if (left.length) throw new Error(`post-build: the glue still names ${left.join(', ')} after renaming: has wasm-bindgen changed its output?`);
  return glue;
}
