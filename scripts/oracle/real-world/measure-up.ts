// Prints the engine's agreement with `docker compose config` and `up` on the
// real-world corpus (record-up.ts), every disagreement, and what `up` refuses
// or misreads that `config` accepts, grouped by message, then what starting
// the containers refuses or could not tell (record-start.ts).
//   node scripts/oracle/real-world/measure-up.ts [mutants]
import { readFileSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { printAgreement, startVerdictsFile, upAgreement, upVerdictsFile, type StartVerdict, type UpVerdict } from './agreement.ts';

const kind = process.argv[2] === 'mutants' ? 'compose-mutants' : 'compose';
printAgreement(upAgreement(kind), true);
const cases = (JSON.parse(readFileSync(upVerdictsFile(kind), 'utf8')) as { cases: Record<string, UpVerdict> }).cases;
const groups = new Map<string, string[]>();
for (const [id, v] of Object.entries(cases)) {
  if (v.verdict === 'created' && !v.misread) continue;
  // The message without the names it holds, so that one cause is one group.
  const key = v.host ? `host: ${(v.message ?? "").split("\n").slice(-1)[0]!.slice(0, 80)}` : v.misread ? 'misread: healthcheck CMD string run by the shell' : `${v.verdict}: ${(v.message ?? '').split('\n').slice(-1)[0]!.replace(/"[^"]*"/g, '"…"').replace(/\S+_\S+/g, '…').slice(0, 120)}`;
  groups.set(key, [...(groups.get(key) ?? []), id]);
}
console.log('\nup refuses or misreads what config accepts:');
for (const [key, ids] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${ids.length} × ${key}\n      e.g. ${ids.slice(0, 3).join(', ')}`);
if (existsSync(startVerdictsFile(kind))) {
  const started = (JSON.parse(readFileSync(startVerdictsFile(kind), 'utf8')) as { cases: Record<string, StartVerdict> }).cases;
  const byCause = new Map<string, string[]>();
  for (const [id, v] of Object.entries(started)) {
    const key = `${v.verdict}${v.host ? ' (host)' : ''}${v.message ? `: ${v.message.replace(/<project>-\S+/g, '…').replace(/\d+\.\d+\.\d+\.\d+:\d+|\d+\/(tcp|udp)|port \d+/g, '…').slice(0, 100)}` : ''}`;
    byCause.set(key, [...(byCause.get(key) ?? []), id]);
  }
  console.log('\nstarting the containers (cases that could meet a port published twice or a healthy dependency):');
  for (const [key, ids] of [...byCause].sort((a, b) => b[1].length - a[1].length)) console.log(`  ${ids.length} × ${key}\n      e.g. ${ids.slice(0, 3).join(', ')}`);
}
