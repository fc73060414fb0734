import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { corpusDir, verdictsFile } from './paths.ts';
const SRC = corpusDir('nginx');
const OUT = corpusDir('nginx-mutants');
rmSync(OUT, { recursive: true, force: true });
const base = JSON.parse(readFileSync(verdictsFile('nginx'), 'utf8'));
let seed = 7; const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = <T,>(a: T[]) => (a.length ? a[Math.floor(rnd() * a.length)] : undefined);
type Op = (lines: string[]) => string[] | null;
const find = (L: string[], re: RegExp) => L.map((l, i) => (re.test(l) && !/^\s*#/.test(l) ? i : -1)).filter((i) => i >= 0);
const sub = (re: RegExp, f: (l: string) => string): Op => (L) => { const i = pick(find(L, re)); if (i === undefined) return null; const out = [...L]; const r = f(out[i]!); if (r === out[i]) return null; out[i] = r; return out; };
const ops: Record<string, Op> = {
  'missing-semicolon': sub(/^\s*[a-z_]+\s+[^{};#]*;\s*$/, (l) => l.replace(/;\s*$/, '')),
  'directive-typo': sub(/^\s*(proxy_pass|server_name|listen|root|proxy_set_header|add_header|return|index|try_files|client_max_body_size)\s/, (l) => l.replace(/^(\s*)([a-z_]+)/, (_m, s, n) => s + n.slice(0, -1))),
  'variable-typo': sub(/\$(remote_addr|host|request_uri|scheme|proxy_add_x_forwarded_for|http_upgrade|uri|args)\b/, (l) => l.replace(/\$(remote_addr|host|request_uri|scheme|proxy_add_x_forwarded_for|http_upgrade|uri|args)\b/, (_m, n) => '$' + n.slice(0, -2) + n.slice(-1))),
  'missing-close-brace': (L) => { const i = pick(find(L, /^\s*}\s*$/)); if (i === undefined) return null; const o = [...L]; o.splice(i, 1); return o; },
  'extra-close-brace': (L) => { const i = pick(find(L, /^\s*}\s*$/)); if (i === undefined) return null; const o = [...L]; o.splice(i, 0, L[i]!); return o; },
  'return-code': sub(/^\s*return\s+\d{3}\b/, (l) => l.replace(/return\s+\d{3}/, 'return 999')),
  'rewrite-flag': sub(/^\s*rewrite\s+\S+\s+\S+\s+(last|break|redirect|permanent)\s*;/, (l) => l.replace(/\b(last|break|redirect|permanent)\s*;/, '$1s;')),
  'ssl-on': sub(/^\s*listen\s+443/, (l) => l.replace(/listen.*$/, (m) => `${m}\n    ssl on;`)),
  'listen-param-typo': sub(/^\s*listen\s+[^;]*\b(default_server|ssl|reuseport)\b/, (l) => l.replace(/\b(default_server|ssl|reuseport)\b/, (m) => ({ default_server: 'default-server', ssl: 'sll', reuseport: 'reuse_port' } as any)[m])),
  'size-unit': sub(/^\s*client_max_body_size\s+\d+[kKmMgG]\s*;/, (l) => l.replace(/(\d+)([kKmMgG])\s*;/, '$1$2b;')),
  'time-unit': sub(/^\s*(proxy_read_timeout|proxy_connect_timeout|proxy_send_timeout|keepalive_timeout|send_timeout|client_body_timeout)\s+\d+s?\s*;/, (l) => l.replace(/(\d+)s?\s*;/, '$1 secondes;')),
  'add-header-extra-arg': sub(/^\s*add_header\s+\S+\s+("[^"]*"|\S+)\s*;/, (l) => l.replace(/;\s*$/, ' SAMEORIGIN;')),
  'switch-value': sub(/^\s*(gzip|sendfile|tcp_nopush|server_tokens|proxy_buffering|absolute_redirect)\s+(on|off)\s*;/, (l) => l.replace(/\s(on|off)\s*;/, (_m, v) => ` ${v === 'on' ? 'yes' : 'no'};`)),
  'unknown-log-format': sub(/^\s*access_log\s+\/\S+\s*;/, (l) => l.replace(/;\s*$/, ' detaille;')),
  'location-outside-server': (L) => { const i = pick(find(L, /^\s*server\s*\{\s*$/)); if (i === undefined) return null; const o = [...L]; o.splice(i, 0, 'location /perdu/ {', '    return 404;', '}'); return o; },
  'proxy-pass-uri-in-regex': sub(/^\s*location\s+~\*?\s/, (l) => l.replace(/\{\s*$/, '{\n        proxy_pass http://127.0.0.1:8080/app/;')),
  'fastcgi-no-port': sub(/^\s*fastcgi_pass\s+\S+\s*;/, (l) => l.replace(/fastcgi_pass\s+\S+\s*;/, 'fastcgi_pass php-fpm;')),
  'unclosed-quote': sub(/^\s*[a-z_]+\s[^#]*"[^"]*"\s*;\s*$/, (l) => l.replace(/"\s*;\s*$/, ';')),
  'if-missing-paren': sub(/^\s*if\s*\(.*\)\s*\{\s*$/, (l) => l.replace(/\)\s*\{\s*$/, ' {')),
};
let made = 0;
for (const id of readdirSync(SRC).sort()) {
  if (!base[id]?.ok || id.endsWith('.template')) continue;
  const meta = JSON.parse(readFileSync(join(SRC, id, 'case.json'), 'utf8'));
  const L = readFileSync(join(SRC, id, 'file.conf'), 'utf8').split('\n');
  for (const [name, op] of Object.entries(ops)) {
    if (rnd() > 0.6) continue;
    const out = op(L); if (!out) continue;
    const mid = `${id}~${name}`; mkdirSync(join(OUT, mid), { recursive: true });
    writeFileSync(join(OUT, mid, 'file.conf'), out.join('\n'));
    writeFileSync(join(OUT, mid, 'case.json'), JSON.stringify({ ...meta, mutation: name }, null, 2));
    made++;
  }
}
console.log('made', made);
