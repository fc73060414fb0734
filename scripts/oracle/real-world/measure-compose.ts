import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { checkProject } from '../../../src/engine/check.ts';
import { classifyFile } from '../../../src/engine/classify-file.ts';
import { corpusDir, verdictsFile } from './paths.ts';
const KIND = process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose';
const ROOT = corpusDir(KIND);
const verdicts = JSON.parse(readFileSync(verdictsFile(KIND), 'utf8'));
const UP = new Set(['healthy-dependency-without-healthcheck', 'duplicate-published-port']);
function walk(dir: string, base: string, out: string[]) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, base, out); else out.push(relative(base, p));
  }
}
let agree = 0; const dis: string[] = [];
const byOrigin = new Map<string, [number, number]>();
const byMut = new Map<string, [number, number]>();
for (const id of Object.keys(verdicts).sort()) {
  const v = verdicts[id];
  const dir = join(ROOT, id, 'project');
  const meta = JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8'));
  const all: string[] = []; walk(dir, dir, all);
  const loaded = new Set<string>([meta.composeFile]);
  if (v.args[0] === 'config') for (const o of ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yaml', 'docker-compose.override.yml']) if (existsSync(join(dir, o))) { loaded.add(o); break; }
  const files = all.filter((p) => classifyFile(p) !== 'compose' || loaded.has(p)).filter((p) => statSync(join(dir, p)).size < 300000).map((p) => ({ path: p, text: readFileSync(join(dir, p), 'utf8') }));
  let errs: any[] = [];
  // As tests/oracle/compose/agreement.test.ts: errors of the compose files, and the warning that Compose 2.40 refuses a newer key.
  const blocking = (d: any): boolean => (d.severity === 'error' || d.ruleId === 'newer-compose-key') && !UP.has(d.ruleId) && !d.ruleId.startsWith('nginx') && (classifyFile(d.file) === 'compose' || d.ruleId === 'internal-error' || d.ruleId === 'missing-project-file');
  // No --profile: no profile is active, as for docker compose.
  try { errs = checkProject(files, { profiles: [] }).diagnostics.filter(blocking); } catch { errs = [{ ruleId: 'THROW', range: { start: { line: 0 } } }]; }
  const ev = errs.length ? 'invalid' : 'valid';
  let ok = ev === v.verdict;
  if (ok && v.verdict === 'invalid' && v.line !== undefined) {
    const L = v.line;
    ok = /^yaml: line/.test(v.message) ? errs.some((e) => e.range.start.line <= L + 1 && e.range.end.line >= L) : errs.some((e) => Math.abs(e.range.start.line - L) <= 1);
  }
  const o = byOrigin.get(meta.origin) ?? [0, 0]; o[1]++; if (ok) o[0]++; byOrigin.set(meta.origin, o);
  const mu = byMut.get(meta.mutation ?? '-') ?? [0, 0]; mu[1]++; if (ok) mu[0]++; byMut.set(meta.mutation ?? '-', mu);
  if (ok) agree++; else dis.push(`${id}: compose ${v.verdict}${v.line ? '@' + v.line : ''} (${v.message.split('\n').slice(-1)[0].slice(0, 140)}) / engine ${ev} (${errs.slice(0, 4).map((e) => `${e.ruleId}:${e.messageId ?? ''}@${e.range.start.line}`).join(', ')})`);
}
const n = Object.keys(verdicts).length;
console.log(`compose: ${agree}/${n} = ${(100 * agree / n).toFixed(1)} %`);
for (const [o, [a, t]] of [...byOrigin].sort()) console.log(`  ${o}: ${a}/${t}`);
for (const [o, [a, t]] of [...byMut].sort()) console.log(`  mutation ${o}: ${a}/${t}`);
console.log(dis.join('\n'));
