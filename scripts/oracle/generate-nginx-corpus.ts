// Builds the nginx oracle corpus: systematic mutations of the hand-written
// configs in tests/oracle/nginx/corpus/base/, written as files under
// corpus/mutants/ and committed, so the agreement test reads real files.
//   npx tsx scripts/oracle/generate-nginx-corpus.ts
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const CORPUS = new URL('../../tests/oracle/nginx/corpus/', import.meta.url).pathname;
const BASE = join(CORPUS, 'base');
const MUTANTS = join(CORPUS, 'mutants');

type Mutation = { id: string; text: string };

const SIMPLE = /^(\s*)([a-z_0-9]+)(\s+[^{}#]*?)?;\s*$/;
const OPEN = /\{\s*$/;
const CLOSE = /^\s*\}\s*$/;

/** Every `count`-th element, so each base file yields a bounded, spread-out set. */
function spread<T>(items: T[], max: number): T[] {
  if (items.length <= max) return items;
  const step = items.length / max;
  return Array.from({ length: max }, (_, i) => items[Math.floor(i * step)]!);
}

function mutate(text: string, isMain: boolean): Mutation[] {
  const lines = text.split('\n');
  const out: Mutation[] = [];
  const replaceLine = (index: number, replacement: string[]): string => [...lines.slice(0, index), ...replacement, ...lines.slice(index + 1)].join('\n');
  const simple = lines.map((line, i) => ({ i, m: SIMPLE.exec(line) })).filter((x) => x.m !== null);
  const opens = lines.map((line, i) => ({ i, line })).filter((x) => OPEN.test(x.line) && !x.line.trim().startsWith('#'));
  const closes = lines.map((line, i) => ({ i, line })).filter((x) => CLOSE.test(x.line));

  for (const { i } of spread(simple, 8)) out.push({ id: `no-semicolon-l${i + 1}`, text: replaceLine(i, [lines[i]!.replace(/;\s*$/, '')]) });
  for (const { i } of spread(closes, 3)) out.push({ id: `no-close-brace-l${i + 1}`, text: replaceLine(i, []) });
  for (const { i, m } of spread(simple, 5)) {
    const name = m![2]!;
    out.push({ id: `typo-l${i + 1}`, text: replaceLine(i, [lines[i]!.replace(name, name.length > 4 ? name.slice(0, -1) + 'x' : `${name}s`)]) });
  }
  for (const { i } of spread(simple, 6)) out.push({ id: `extra-arg-l${i + 1}`, text: replaceLine(i, [lines[i]!.replace(/;\s*$/, ' extra;')]) });
  for (const { i, m } of spread(simple, 5)) out.push({ id: `no-args-l${i + 1}`, text: replaceLine(i, [`${m![1]}${m![2]};`]) });
  for (const { i, m } of spread(simple, 4)) out.push({ id: `duplicate-l${i + 1}`, text: replaceLine(i, [lines[i]!, `${m![1]}${m![2]}${m![3] ?? ''};`]) });
  for (const { i } of spread(opens, 3)) out.push({ id: `stray-open-l${i + 1}`, text: replaceLine(i, [lines[i]!, '    {']) });

  const quoted = lines.findIndex((line) => /"[^"]*"/.test(line) && SIMPLE.test(line));
  if (quoted >= 0) {
    out.push({ id: `open-quote-l${quoted + 1}`, text: replaceLine(quoted, [lines[quoted]!.replace(/"([^"]*)"/, '"$1')]) });
    out.push({ id: `glued-quote-l${quoted + 1}`, text: replaceLine(quoted, [lines[quoted]!.replace(/"([^"]*)"/, '"$1"x')]) });
  }

  const firstServer = lines.findIndex((line) => /^\s*server\s*\{/.test(line));
  const firstLocation = lines.findIndex((line) => /^\s*location\s/.test(line));
  if (firstServer >= 0) {
    const indent = `${/^\s*/.exec(lines[firstServer]!)![0]}    `;
    out.push({ id: 'misplaced-proxy-pass', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}proxy_pass http://api:3000;`]) });
    out.push({ id: 'misplaced-worker-connections', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}worker_connections 1024;`]) });
    out.push({ id: 'misplaced-events', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}events {`, `${indent}}`]) });
    out.push({ id: 'unknown-directive', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}proxy_redirect_all on;`]) });
    out.push({ id: 'plus-only-directive', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}status_zone main;`]) });
    out.push({ id: 'root-twice', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}root /srv/a;`, `${indent}root /srv/b;`]) });
    out.push({ id: 'ssl-without-certificate', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}listen 8443 ssl;`]) });
    out.push({ id: 'listen-http2', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}listen 8444 ssl http2;`, `${indent}ssl_certificate /etc/nginx/certs/cert.pem;`, `${indent}ssl_certificate_key /etc/nginx/certs/key.pem;`]) });
    out.push({ id: 'bad-upstream-name', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}location /bad/ {`, `${indent}    proxy_pass http://api_missing_backend;`, `${indent}}`]) });
    out.push({ id: 'location-block-as-directive', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}location /x;`]) });
    out.push({ id: 'block-on-simple-directive', text: replaceLine(firstServer, [lines[firstServer]!, `${indent}root /srv {`, `${indent}}`]) });
  }
  if (firstLocation >= 0) {
    const start = firstLocation;
    let depth = 0;
    let end = start;
    for (let i = start; i < lines.length; i++) {
      depth += (lines[i]!.match(/\{/g) ?? []).length - (lines[i]!.match(/\}/g) ?? []).length;
      if (depth === 0) {
        end = i;
        break;
      }
    }
    out.push({ id: 'duplicate-location', text: [...lines.slice(0, end + 1), ...lines.slice(start, end + 1), ...lines.slice(end + 1)].join('\n') });
    const indent = `${/^\s*/.exec(lines[start]!)![0]}    `;
    out.push({ id: 'misplaced-listen', text: replaceLine(start, [lines[start]!, `${indent}listen 8090;`]) });
    out.push({ id: 'misplaced-upstream', text: replaceLine(start, [lines[start]!, `${indent}upstream inner {`, `${indent}    server api:3000;`, `${indent}}`]) });
  }
  out.push({ id: 'stray-close-brace', text: `${text}}\n` });
  if (isMain) {
    const events = lines.findIndex((line) => /^events\s*\{/.test(line));
    if (events >= 0) {
      const close = lines.findIndex((line, i) => i > events && /^\}/.test(line));
      out.push({ id: 'no-events', text: [...lines.slice(0, events), ...lines.slice(close + 1)].join('\n') });
    }
    out.push({ id: 'server-at-main-level', text: `${text}server {\n    listen 8099;\n}\n` });
  } else {
    out.push({ id: 'http-in-snippet', text: `http {\n${text}}\n` });
    out.push({ id: 'upstream-twice', text: `upstream twice {\n    server api:3000;\n}\nupstream twice {\n    server api:3001;\n}\n${text}` });
  }
  return out;
}

rmSync(MUTANTS, { recursive: true, force: true });
mkdirSync(MUTANTS, { recursive: true });
let count = 0;
for (const file of readdirSync(BASE).sort()) {
  const [stem, role] = file.split('.') as [string, string];
  const text = readFileSync(join(BASE, file), 'utf8');
  const seen = new Set<string>([text]);
  for (const mutation of mutate(text, role === 'main')) {
    if (seen.has(mutation.text)) continue;
    seen.add(mutation.text);
    writeFileSync(join(MUTANTS, `${stem}--${mutation.id}.${role}.conf`), mutation.text);
    count++;
  }
}
console.log(`wrote ${count} mutants`);
