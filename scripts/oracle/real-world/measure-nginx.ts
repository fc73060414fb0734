import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProject } from '../../../src/engine/check.ts';
import { corpusDir, verdictsFile } from './paths.ts';
const KIND = process.argv[2] === 'mutants' ? 'nginx-mutants' : 'nginx';
const ROOT = corpusDir(KIND);
const verdicts = JSON.parse(readFileSync(verdictsFile(KIND), 'utf8'));
let agree = 0, n = 0; const dis: string[] = []; const byMut = new Map<string, [number, number]>();
const perOrigin = new Map<string, number>();
for (const id of Object.keys(verdicts).sort()) {
  const meta = JSON.parse(readFileSync(join(ROOT, id, 'case.json'), 'utf8'));
  if (!meta.mutation && !verdicts[id].ok) continue; // base files: only those nginx accepts with the harness' stubs
  const c = (perOrigin.get(meta.origin + (meta.mutation ?? '')) ?? 0) + 1; perOrigin.set(meta.origin + (meta.mutation ?? ''), c); if (c > 12) continue;
  const text = readFileSync(join(ROOT, id, 'file.conf'), 'utf8');
  const v = verdicts[id]; n++;
  const path = meta.context === 'main' ? 'nginx/nginx.conf' : meta.context === 'http' ? 'nginx/conf.d/default.conf' : 'nginx/snippets/site.conf';
  const errs = checkProject([{ path, text }]).diagnostics.filter((d: any) => d.severity === 'error');
  let ok = (errs.length === 0) === v.ok;
  if (ok && !v.ok && v.line !== undefined) ok = errs.some((d: any) => d.range.start.line <= v.line + 1 && v.line - 1 <= d.range.end.line);
  const m = meta.mutation ?? 'base'; const b = byMut.get(m) ?? [0, 0]; b[1]++; if (ok) b[0]++; byMut.set(m, b);
  if (ok) agree++; else dis.push(`${id} [${meta.context}]: nginx ${v.ok ? 'ok' : `fails@${v.line ?? '-'} (${v.message})`} / engine ${errs.slice(0, 3).map((e: any) => `${e.ruleId}:${e.messageId}@${e.range.start.line}`).join(', ') || 'ok'}`);
}
console.log(`nginx: ${agree}/${n} = ${(100 * agree / n).toFixed(1)} %`);
for (const [m, [a, t]] of [...byMut].sort()) console.log(`  ${m}: ${a}/${t}`);
console.log(dis.join('\n'));
