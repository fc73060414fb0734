// Mutations of real compose files: the mistakes people report (go-yaml and compose-go error messages).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument, isMap, isSeq, isScalar, LineCounter } from 'yaml';
import { corpusDir } from './paths.ts';
const SRC = corpusDir('compose');
const OUT = corpusDir('compose-mutants');
rmSync(OUT, { recursive: true, force: true });
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
type Op = (text: string, doc: any, lc: LineCounter) => string | null;
const lines = (t: string) => t.split('\n');
const lineOf = (lc: LineCounter, off: number) => lc.linePos(off).line; // 1-based
function services(doc: any): any[] { const s = doc.get('services', true); return isMap(s) ? s.items : []; }
function pick<T>(a: T[]): T | undefined { return a.length ? a[Math.floor(rnd() * a.length)] : undefined; }
function replaceLine(t: string, n: number, f: (l: string) => string | null): string | null { const L = lines(t); if (!L[n - 1]) return null; const r = f(L[n - 1]!); if (r === null || r === L[n - 1]) return null; L[n - 1] = r; return L.join('\n'); }
function seqItemLines(doc: any, lc: LineCounter): number[] {
  const out: number[] = [];
  for (const svc of services(doc)) if (isMap(svc.value)) for (const p of svc.value.items) if (isSeq(p.value) && p.value.flow !== true) for (const it of p.value.items) if (it?.range) out.push(lineOf(lc, it.range[0]));
  return out;
}
const ops: Record<string, Op> = {
  'indent-list-item-less': (t, d, lc) => { const n = pick(seqItemLines(d, lc)); return n ? replaceLine(t, n, (l) => (/^\s+-/.test(l) && /^ {2}/.test(l) ? l.slice(1) : null)) : null; },
  'indent-list-item-more': (t, d, lc) => { const n = pick(seqItemLines(d, lc)); return n ? replaceLine(t, n, (l) => (/^\s+-/.test(l) ? ' ' + l : null)) : null; },
  'tab-indent': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || !svc.value.items[0]) return null; const n = lineOf(lc, svc.value.items[0].key.range[0]); return replaceLine(t, n, (l) => l.replace(/^ +/, '\t')); },
  'no-space-after-colon': (t, d, lc) => { const svc = pick(services(d)); const p = svc && isMap(svc.value) ? pick(svc.value.items.filter((i: any) => isScalar(i.value) && i.value.type === 'PLAIN' && String(i.value.value).length > 0)) as any : null; if (!p) return null; const n = lineOf(lc, p.key.range[0]); return replaceLine(t, n, (l) => l.replace(/^(\s*[\w.-]+):\s+/, '$1:')); },
  'colon-in-plain-value': (t, d, lc) => { const svc = pick(services(d)); const p = svc && isMap(svc.value) ? pick(svc.value.items.filter((i: any) => isScalar(i.value) && i.value.type === 'PLAIN' && typeof i.value.value === 'string')) as any : null; if (!p) return null; const n = lineOf(lc, p.value.range[0]); return replaceLine(t, n, (l) => (/#/.test(l) ? null : l.replace(/\s*$/, ' note: voir ci-dessous'))); },
  'unclosed-quote': (t) => { const L = lines(t); const idx = L.map((l, i) => (/^[^#]*:\s*"[^"]*"\s*$/.test(l) ? i : -1)).filter((i) => i >= 0); const i = pick(idx); if (i === undefined) return null; L[i] = L[i]!.replace(/"\s*$/, ''); return L.join('\n'); },
  'undefined-network': (t, d, lc) => { for (const svc of services(d)) { const n = isMap(svc.value) ? svc.value.get('networks', true) : null; if (isSeq(n) && n.items[0] && isScalar(n.items[0])) { const ln = lineOf(lc, (n.items[0] as any).range[0]); return replaceLine(t, ln, (l) => l.replace(/-\s*(\S+)/, '- $1-typo')); } } return null; },
  'unknown-dependency': (t, d, lc) => { for (const svc of services(d)) { const n = isMap(svc.value) ? svc.value.get('depends_on', true) : null; if (isSeq(n) && n.items[0] && isScalar(n.items[0])) { const ln = lineOf(lc, (n.items[0] as any).range[0]); return replaceLine(t, ln, (l) => l.replace(/-\s*(\S+)/, '- $1x')); } } return null; },
  'undeclared-named-volume': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || !svc.value.items[0]) return null; const key = svc.value.items[0].key; const col = lc.linePos(key.range[0]).col; const ln = lineOf(lc, key.range[0]); const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}volumes:\n${' '.repeat(col + 1)}- donnees-oubliees:/srv/data`); return L.join('\n'); },
  'env-spaces-around-equals': (t) => { const L = lines(t); const idx = L.map((l, i) => (/^\s+-\s+[A-Z_][A-Z0-9_]*=\S/.test(l) ? i : -1)).filter((i) => i >= 0); const i = pick(idx); if (i === undefined) return null; L[i] = L[i]!.replace(/=/, ' = '); return L.join('\n'); },
  'duplicate-key': (t, d, lc) => { const svc = pick(services(d)); const p = svc && isMap(svc.value) ? svc.value.items.find((i: any) => isScalar(i.value)) : null; if (!p) return null; const ln = lineOf(lc, p.key.range[0]); const L = lines(t); L.splice(ln, 0, L[ln - 1]!); return L.join('\n'); },
  'network-mode-with-networks': (t, d, lc) => { for (const svc of services(d)) { const n = isMap(svc.value) ? svc.value.items.find((i: any) => i.key.value === 'networks') : null; if (n) { const ln = lineOf(lc, n.key.range[0]); const col = lc.linePos(n.key.range[0]).col; const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}network_mode: host`); return L.join('\n'); } } return null; },
  'missing-env-file': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || !svc.value.items[0]) return null; const key = svc.value.items[0].key; const col = lc.linePos(key.range[0]).col; const ln = lineOf(lc, key.range[0]); const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}env_file: ./config/absent.env`); return L.join('\n'); },
  'healthcheck-cmd-string': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || !svc.value.items[0] || svc.value.get('healthcheck')) return null; const key = svc.value.items[0].key; const col = lc.linePos(key.range[0]).col; const ln = lineOf(lc, key.range[0]); const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}healthcheck:\n${' '.repeat(col + 1)}test: CMD curl -f http://localhost/`); return L.join('\n'); },
  'key-typo': (t, d, lc) => { for (const svc of services(d)) { const n = isMap(svc.value) ? svc.value.items.find((i: any) => ['environment', 'volumes', 'ports', 'depends_on', 'restart', 'command'].includes(i.key.value)) : null; if (n) { const ln = lineOf(lc, n.key.range[0]); return replaceLine(t, ln, (l) => l.replace(/(environment|volumes|ports|depends_on|restart|command):/, (m) => ({ 'environment:': 'enviroment:', 'volumes:': 'volume:', 'ports:': 'port:', 'depends_on:': 'depends-on:', 'restart:': 'restart_policy:', 'command:': 'cmd:' } as any)[m])); } } return null; },
  'ports-as-scalar': (t, d, lc) => { for (const svc of services(d)) { const p = isMap(svc.value) ? svc.value.get('ports', true) : null; if (isSeq(p) && p.items.length === 1 && isScalar(p.items[0])) { const kl = lineOf(lc, (p as any).range[0]) - 1; const v = String((p.items[0] as any).value); const L = lines(t); const il = lineOf(lc, (p.items[0] as any).range[0]); L[kl - 1] = L[kl - 1]!.replace(/ports:\s*$/, `ports: "${v}"`); L.splice(il - 1, 1); return L.join('\n'); } } return null; },
  'bad-port': (t, d, lc) => { for (const svc of services(d)) { const p = isMap(svc.value) ? svc.value.get('ports', true) : null; if (isSeq(p) && p.items[0] && isScalar(p.items[0])) { const ln = lineOf(lc, (p.items[0] as any).range[0]); return replaceLine(t, ln, (l) => l.replace(/-\s*("?)([^"\s]+)("?)/, '- $1$2:99999$3')); } } return null; },
  'required-variable': (t, d, lc) => { const svc = pick(services(d)); const img = svc && isMap(svc.value) ? svc.value.items.find((i: any) => i.key.value === 'image' && isScalar(i.value)) : null; if (!img) return null; const ln = lineOf(lc, img.value.range[0]); return replaceLine(t, ln, (l) => l.replace(/image:\s*(\S.*)$/, 'image: ${REGISTRY:?définissez REGISTRY}/app')); },
  'remove-image': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || svc.value.get('build') !== undefined) return null; const img = svc.value.items.find((i: any) => i.key.value === 'image'); if (!img || !isScalar(img.value)) return null; const ln = lineOf(lc, img.key.range[0]); const L = lines(t); L.splice(ln - 1, 1); return L.join('\n'); },
  'condition-typo': (t) => { const L = lines(t); const i = pick(L.map((l, i) => (/condition:\s*service_healthy/.test(l) ? i : -1)).filter((i) => i >= 0)); if (i === undefined) return null; L[i] = L[i]!.replace('service_healthy', 'service_healty'); return L.join('\n'); },
  'profile-on-dependency': (t, d, lc) => { for (const svc of services(d)) { const n = isMap(svc.value) ? svc.value.get('depends_on', true) : null; const dep = isSeq(n) && isScalar(n.items[0]) ? String((n.items[0] as any).value) : isMap(n) && n.items[0] ? String((n.items[0] as any).key.value) : null; if (!dep) continue; const target = services(d).find((s: any) => s.key.value === dep); if (!target || !isMap(target.value) || !target.value.items[0] || target.value.get('profiles')) continue; const key = target.value.items[0].key; const col = lc.linePos(key.range[0]).col; const ln = lineOf(lc, key.range[0]); const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}profiles: ["outils"]`); return L.join('\n'); } return null; },
  'unclosed-flow': (t) => { const L = lines(t); const i = pick(L.map((l, i) => (/:\s*\[[^\]]*\]\s*$/.test(l) ? i : -1)).filter((i) => i >= 0)); if (i === undefined) return null; L[i] = L[i]!.replace(/\]\s*$/, ''); return L.join('\n'); },
  'undeclared-secret': (t, d, lc) => { const svc = pick(services(d)); if (!svc || !isMap(svc.value) || !svc.value.items[0] || svc.value.get('secrets')) return null; const key = svc.value.items[0].key; const col = lc.linePos(key.range[0]).col; const ln = lineOf(lc, key.range[0]); const L = lines(t); L.splice(ln - 1, 0, `${' '.repeat(col - 1)}secrets:\n${' '.repeat(col + 1)}- mot_de_passe_db`); return L.join('\n'); },
};
// Mistakes only starting the containers shows (record-start.ts), drawn with their own sequence so that the mutants above stay as they were.
let seed2 = 7;
const rnd2 = () => ((seed2 = (seed2 * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const OFFICIAL = /^(?:docker\.io\/)?(?:library\/)?[a-z0-9._-]+(?::[^/]*)?$/;
const imageOf = (svc: any): string => (isMap(svc.value) && isScalar(svc.value.get('image', true)) ? String(svc.value.get('image')) : '');
/** A new key at the top of a service's mapping, indented as its first key. */
function insertKey(t: string, svc: any, lc: LineCounter, text: (col: number) => string): string | null {
  if (!isMap(svc.value) || !svc.value.items[0] || svc.value.flow) return null;
  const key = svc.value.items[0].key;
  const col = lc.linePos(key.range[0]).col;
  const L = lines(t);
  L.splice(lineOf(lc, key.range[0]) - 1, 0, text(col));
  return L.join('\n');
}
const startOps: Record<string, Op> = {
  // « Bind for 0.0.0.0:8080 failed: port is already allocated »: a second service publishes a host port another one publishes.
  'duplicate-host-port': (t, d, lc) => {
    for (const svc of services(d)) {
      const p = isMap(svc.value) ? svc.value.get('ports', true) : null;
      const first = isSeq(p) ? p.items.find((i: any) => isScalar(i) && /^(?:\d+\.\d+\.\d+\.\d+:)?\d+:\d+(?:\/tcp)?$/.test(String(i.value))) : undefined;
      if (!first) continue;
      const host = String((first as any).value).split(':').slice(-2)[0];
      const other = services(d).find((s: any) => s !== svc && isMap(s.value) && !s.value.has('ports') && !s.value.has('network_mode'));
      if (!other) return null;
      return insertKey(t, other, lc, (col) => `${' '.repeat(col - 1)}ports:\n${' '.repeat(col + 1)}- "${host}:8080"`);
    }
    return null;
  },
  // « dependency failed to start: container … has no healthcheck configured »: waiting for a service to be healthy that has no healthcheck.
  'healthy-without-healthcheck': (t, d, lc) => {
    const all = services(d);
    const targets = all.filter((s: any) => isMap(s.value) && !s.value.has('healthcheck') && !s.value.has('profiles'));
    // An official image when there is one (docker-library images define no HEALTHCHECK: the real verdict is known).
    const target = targets.find((s: any) => OFFICIAL.test(imageOf(s))) ?? targets[0];
    const waiting = all.find((s: any) => s !== target && isMap(s.value) && !s.value.has('depends_on') && !s.value.has('profiles'));
    if (!target || !waiting) return null;
    return insertKey(t, waiting, lc, (col) => `${' '.repeat(col - 1)}depends_on:\n${' '.repeat(col + 1)}${String(target.key.value)}:\n${' '.repeat(col + 3)}condition: service_healthy`);
  },
};
const cases = readdirSync(SRC).sort();
let made = 0;
for (const id of cases) {
  const meta = JSON.parse(readFileSync(join(SRC, id, 'case.json'), 'utf8'));
  const file = join(SRC, id, 'project', meta.composeFile);
  const text = readFileSync(file, 'utf8');
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false });
  if (doc.errors.length || !isMap(doc.contents)) continue;
  const names = Object.keys(ops).filter(() => rnd() < 0.45);
  const more = Object.keys(startOps).filter(() => rnd2() < 0.45);
  for (const name of [...names, ...more]) {
    let out: string | null = null;
    try { out = (ops[name] ?? startOps[name])!(text, doc, lc); } catch { out = null; }
    if (!out || out === text) continue;
    const mid = `${id}~${name}`.slice(0, 200);
    // Only the mutated file is kept: the rest of the project is the base case's (projectFiles in agreement.ts).
    mkdirSync(join(OUT, mid, 'project'), { recursive: true });
    writeFileSync(join(OUT, mid, 'project', meta.composeFile), out);
    writeFileSync(join(OUT, mid, 'case.json'), `${JSON.stringify({ ...meta, base: id, mutation: name }, null, 2)}\n`);
    made++;
  }
}
console.log(`made ${made} mutants`);
