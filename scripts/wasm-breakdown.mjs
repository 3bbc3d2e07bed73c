// A twiggy-style breakdown of the explorer's wasm: where its bytes go, by section, by crate
// and by function. Raw sizes (before gzip), from a build that keeps the function names.
//
//   node scripts/wasm-breakdown.mjs SHIPPED.wasm CARGO_OUTPUT.wasm [TOP=20]
//
// SHIPPED.wasm is the optimised main wasm in dist/ (no names). CARGO_OUTPUT.wasm is what
// cargo built for it (target/wasm32-unknown-unknown/release/hts-explorer.wasm, names kept):
// this script splits it and runs the main module through the same wasm-bindgen and wasm-opt
// as scripts/post-build.mjs, with `-g` so wasm-opt keeps the name section, then attributes
// each function body to the crate its (demangled) name starts with. The names-kept build
// optimises like the shipped one; its code section is printed beside the shipped one's so
// any drift shows. The modules loaded on first use (src/lazy.rs) are listed by size.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SECTION = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count' };

/** Sections, function body sizes and function names of a wasm module. */
export function parseWasm(buf) {
  let p = 8;
  const leb = () => { let r = 0, s = 0, x; do { x = buf[p++]; r += (x & 0x7f) * 2 ** s; s += 7; } while (x & 0x80); return r; };
  const str = () => { const n = leb(); const s = buf.subarray(p, p + n).toString('utf8'); p += n; return s; };
  const sections = [];
  let importedFunctions = 0;
  const bodies = []; // size of each defined function's body, entry included
  const names = new Map(); // function index → name
  let dataSegments = [];
  while (p < buf.length) {
    const id = buf[p++];
    const len = leb();
    const start = p;
    const end = start + len;
    let name = SECTION[id] ?? `unknown ${id}`;
    if (id === 0) name = `custom "${str()}"`;
    sections.push({ id, name, size: end - start + 1 + lebSize(len) });
    if (id === 2) {
      for (let n = leb(), i = 0; i < n; i++) {
        str(); str();
        const kind = buf[p++];
        if (kind === 0) { leb(); importedFunctions++; }
        else if (kind === 1) { p++; limits(); }
        else if (kind === 2) limits();
        else if (kind === 3) p += 2;
        else if (kind === 4) { p++; leb(); }
      }
    } else if (id === 10) {
      for (let n = leb(), i = 0; i < n; i++) { const s = p; const size = leb(); p += size; bodies.push(p - s); }
    } else if (id === 11) {
      dataSegments = [];
      for (let n = leb(), i = 0; i < n; i++) {
        const s = p;
        const flags = leb();
        if (flags === 2) leb();
        if (flags !== 1) while (buf[p++] !== 0x0b); // the offset expression, up to `end`
        const size = leb(); p += size;
        dataSegments.push(p - s);
      }
    } else if (name === 'custom "name"') {
      while (p < end) {
        const sub = buf[p++];
        const subLen = leb();
        const subEnd = p + subLen;
        if (sub === 1) for (let n = leb(), i = 0; i < n; i++) { const idx = leb(); names.set(idx, str()); }
        p = subEnd;
      }
    }
    p = end;
  }
  return { sections, importedFunctions, bodies, names, dataSegments };

  function limits() { const f = leb(); leb(); if (f & 1) leb(); }
}
const lebSize = (n) => { let k = 1; while (n >= 128) { n = Math.floor(n / 128); k++; } return k; };

/** The crate a demangled Rust symbol belongs to: its first path segment, looking through
 * references and `dyn`; for `<T as Trait>::f` the type's crate, or the trait's when the type
 * is a parameter or a primitive: `<leptos::X as core::Clone>::clone` → leptos,
 * `<T as tachys::IntoAny>::into_any` → tachys, `<str>::to_lowercase` → core / alloc. */
export function crateOf(name) {
  const s = name.replace(/\[[0-9a-f]{8,}\]/g, '').replace(/^\s+/, '');
  const head = (t) => {
    for (;;) {
      const u = t.replace(/^\s*(<|&|\*const |\*mut |mut |dyn |\(|\[)\s*/, '');
      if (u === t) break;
      t = u;
    }
    return t.match(/^([A-Za-z_][A-Za-z0-9_]*)::/)?.[1];
  };
  const as = s.match(/^<(.+?) as ([A-Za-z_][A-Za-z0-9_]*)::/);
  if (as) return head(as[1]) ?? as[2];
  const crate = head(s);
  if (crate) return crate;
  if (/^<(str|char|bool|[iuf](8|16|32|64|128|size)|\[)/.test(s)) return 'core / alloc (primitives)';
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen|intounderlying)|shim$/.test(s)) return 'wasm_bindgen';
  if (/^(main|__main_void|__original_main)$/.test(s)) return 'std';
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__rust|__rdl|__rg|__ashl|__lsh|__mul|__div|__udiv|__umod|__mod|dlmalloc)/.test(s)) return 'compiler_builtins / allocator';
  return '(unnamed or other)';
}

/** Splits the cargo output and runs its main module through wasm-bindgen and wasm-opt as
 *  scripts/post-build.mjs does (its first optimisation), keeping names. */
function namedBuild(cargoWasm) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hts-wasm-names-'));
  const bin = path.join(ROOT, 'scripts/node_modules/.bin');
  execFileSync('wasm-split-cli', [cargoWasm, dir, '--out-name', 'split', '--target', 'web'], { stdio: 'inherit' });
  execFileSync('wasm-bindgen', ['--target', 'web', '--keep-lld-exports', '--no-typescript', '--out-dir', dir, '--out-name', 'app', path.join(dir, 'split.wasm')], { stdio: 'inherit' });
  const out = path.join(dir, 'named.wasm');
  execFileSync(path.join(bin, 'wasm-opt'), ['-Oz', '-g', '--low-memory-unused', '--strip-producers', '--strip-target-features', path.join(dir, 'app_bg.wasm'), '-o', out], { stdio: 'inherit' });
  const buf = fs.readFileSync(out);
  // The modules loaded on first use, as wasm-split wrote them (names kept, mangled).
  const modules = fs.readdirSync(dir).filter((f) => /^(split|chunk)_\w+\.wasm$/.test(f)).map((f) => [f, fs.readFileSync(path.join(dir, f))]);
  fs.rmSync(dir, { recursive: true, force: true });
  return { buf, modules };
}

/** A mangled Rust name made readable enough to tell what a function is:
 *  `_ZN11hts_runtime6labels10split_note17h…E` → `hts_runtime::labels::split_note`, and the
 *  v0 scheme's identifiers (`_RNvNtCs…_4core3str19slice_error_fail_rt` →
 *  `core::str::slice_error_fail_rt`), crate disambiguators and hashes dropped. */
export function readable(name) {
  // v0 writes `_` between a length and an identifier starting with a digit or `_`, and
  // lengths in backreferences (`B4_`) and disambiguators (`s1h_`), which are no names.
  const idents = (s, v0) => {
    const out = [];
    for (let i = 0; i < s.length;) {
      const m = (v0 ? /^(\d+)_?/ : /^(\d+)/).exec(s.slice(i));
      if (!m || (v0 && /[sB]/.test(s[i - 1] ?? ''))) { i += m ? m[0].length : 1; continue; }
      const n = Number(m[1]);
      const id = s.slice(i + m[0].length, i + m[0].length + n);
      if (n > 0 && id.length === n && /^[A-Za-z_$][\w$.]*$/.test(id)) { out.push(id); i += m[0].length + n; } else i += m[0].length;
    }
    return out;
  };
  if (name.startsWith('_ZN')) return idents(name.slice(3), false).filter((p) => !/^h[0-9a-f]{16}$/.test(p)).join('::').replace(/(^|::)_(?=\$)/g, '$1').replace(/\$LT\$/g, '<').replace(/\$GT\$/g, '>').replace(/\$u7b\$/g, '{').replace(/\$u7d\$/g, '}').replace(/\$u20\$/g, ' ');
  if (name.startsWith('_R')) return idents(name.slice(2).replace(/Cs[0-9A-Za-z]+_(?=\d)/g, ''), true).join('::');
  return name;
}

const kb = (n) => (n / 1000).toFixed(1);

export function printBreakdown(shippedPath, cargoWasm, top = 20) {
  const shipped = fs.readFileSync(shippedPath);
  const { buf: named, modules: namedModules } = namedBuild(cargoWasm);
  const a = parseWasm(shipped);
  const b = parseWasm(named);
  const sec = (w, n) => w.sections.filter((s) => s.name === n).reduce((x, s) => x + s.size, 0);
  console.log(`\n### The wasm by section (raw kB; ${path.basename(shippedPath)}: ${kb(shipped.length)} raw, ${kb(zlib.gzipSync(shipped, { level: 9 }).length)} gzip)\n`);
  console.log('| section | shipped | names-kept build |\n|---|---:|---:|');
  const seen = [...new Set([...a.sections, ...b.sections].map((s) => s.name))];
  for (const n of seen) console.log(`| ${n} | ${kb(sec(a, n))} | ${kb(sec(b, n))} |`);
  console.log(`| **total** | **${kb(shipped.length)}** | **${kb(named.length)}** |`);
  const dist = path.dirname(shippedPath);
  const modules = fs.readdirSync(dist).filter((f) => /^(split|chunk)_\w+-[0-9a-f]+\.wasm$/.test(f));
  if (modules.length) {
    console.log('\n### Modules loaded on first use (src/lazy.rs; `chunk_*`: code two of them share)\n');
    console.log('| module | raw kB | gzip kB |\n|---|---:|---:|');
    for (const f of modules) {
      const buf = fs.readFileSync(path.join(dist, f));
      console.log(`| ${f} | ${kb(buf.length)} | ${kb(zlib.gzipSync(buf, { level: 9 }).length)} |`);
    }
  }

  const fns = b.bodies.map((size, i) => {
    const name = b.names.get(b.importedFunctions + i) ?? `func[${b.importedFunctions + i}]`;
    return { name, size, crate: crateOf(name) };
  });
  const code = fns.reduce((x, f) => x + f.size, 0);
  const byCrate = new Map();
  for (const f of fns) {
    const c = byCrate.get(f.crate) ?? { size: 0, count: 0 };
    c.size += f.size; c.count++;
    byCrate.set(f.crate, c);
  }
  const data = b.dataSegments.reduce((x, s) => x + s, 0);
  console.log(`\n### Code by crate (function bodies, raw kB; ${fns.length} functions, ${kb(code)} kB of code, ${kb(data)} kB of data segments — the embedded bundle and constants)\n`);
  console.log('| crate | functions | raw kB | share of code |\n|---|---:|---:|---:|');
  for (const [crate, c] of [...byCrate].sort((x, y) => y[1].size - x[1].size)) {
    console.log(`| ${crate} | ${c.count} | ${kb(c.size)} | ${((100 * c.size) / code).toFixed(1)}% |`);
  }
  console.log(`\n### Top ${top} functions (raw bytes)\n`);
  console.log('| # | bytes | share of code | function |\n|---:|---:|---:|---|');
  const short = (s) => (s.length > 160 ? s.slice(0, 157) + '…' : s).replace(/\|/g, '\\|');
  fns.sort((x, y) => y.size - x.size).slice(0, top)
    .forEach((f, i) => console.log(`| ${i + 1} | ${f.size} | ${((100 * f.size) / code).toFixed(2)}% | \`${short(f.name)}\` |`));

  // The modules' own top functions: what a change to a lazy view costs shows here (panic
  // formatting pulled in by one slicing call cost the views module 4.2 kB raw, unseen in
  // its size alone).
  const each = Math.max(5, Math.round(top / 2));
  for (const [file, buf] of namedModules) {
    const m = parseWasm(buf);
    const mfns = m.bodies.map((size, i) => ({ size, name: readable(m.names.get(m.importedFunctions + i) ?? `func[${m.importedFunctions + i}]`) }));
    const total = mfns.reduce((x, f) => x + f.size, 0);
    console.log(`\n### ${file} before optimisation: top ${each} of ${mfns.length} functions (${kb(total)} kB of code, raw bytes)\n`);
    console.log('| bytes | function |\n|---:|---|');
    mfns.sort((x, y) => y.size - x.size).slice(0, each).forEach((f) => console.log(`| ${f.size} | \`${short(f.name)}\` |`));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [shipped, cargoWasm, top = '20'] = process.argv.slice(2);
  if (!shipped || !cargoWasm) {
    console.error('usage: wasm-breakdown.mjs SHIPPED.wasm CARGO_OUTPUT.wasm [TOP]');
    process.exit(2);
  }
  printBreakdown(shipped, cargoWasm, Number(top));
}
