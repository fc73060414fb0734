// Records what the real `nginx -t` (1.30, Debian forky chroot) says about
// every file of the nginx oracle corpus, into tests/oracle/nginx/verdicts.json.
//   npm run oracle:nginx        (needs root: debootstrap + chroot)
// A conf.d snippet is tested the way the official image uses it: included
// inside `http {}` of a minimal main config. Service names (api, client…)
// resolve to 127.0.0.1 in the chroot, and a dummy certificate sits at
// /etc/nginx/certs/{cert,key}.pem.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepare, rootfs, runAll } from './nginx-chroot.ts';

const WORK_DIR = '/tmp/atelier-nginx-record';

const CORPUS = new URL('../../tests/oracle/nginx/corpus/', import.meta.url).pathname;
const VERDICTS = new URL('../../tests/oracle/nginx/verdicts.json', import.meta.url).pathname;
const MODULES = "-g 'load_module /usr/lib/nginx/modules/ngx_stream_module.so; load_module /usr/lib/nginx/modules/ngx_mail_module.so;'";

export interface RecordedVerdict {
  ok: boolean;
  message?: string;
  /** The line nginx names, when it names one in the tested file itself. */
  line?: number;
  warnings?: string[];
}

function corpusFiles(): string[] {
  return ['base', 'mutants'].flatMap((dir) => readdirSync(join(CORPUS, dir)).filter((f) => f.endsWith('.conf')).sort().map((f) => `${dir}/${f}`));
}

function main(): void {
  const root = rootfs();
  prepare(root, WORK_DIR);
  const version = spawnSync('chroot', [root, 'nginx', '-v'], { encoding: 'utf8' }).stderr.replace(/^nginx version: /, '');
  const files: Record<string, string> = {};
  const tested = new Map<string, { corpus: string; testedPath: string }>();
  corpusFiles().forEach((corpus, index) => {
    const text = readFileSync(join(CORPUS, corpus), 'utf8');
    const id = String(index).padStart(4, '0');
    if (corpus.endsWith('.main.conf')) {
      files[`${id}/nginx.conf`] = text;
      tested.set(`${id}/nginx.conf`, { corpus, testedPath: `${WORK_DIR}/files/${id}/nginx.conf` });
    } else {
      files[`${id}/conf.d/test.conf`] = text;
      files[`${id}/nginx.conf`] = `events {}\nhttp {\n    include /etc/nginx/mime.types;\n    include ${WORK_DIR}/files/${id}/conf.d/*.conf;\n}\n`;
      tested.set(`${id}/nginx.conf`, { corpus, testedPath: `${WORK_DIR}/files/${id}/conf.d/test.conf` });
    }
  });
  const verdicts = runAll(root, files, [...tested.keys()], 2, MODULES, WORK_DIR);
  const out: Record<string, RecordedVerdict> = {};
  for (const [main, { corpus, testedPath }] of [...tested.entries()].sort((a, b) => a[1].corpus.localeCompare(b[1].corpus))) {
    const v = verdicts.get(main);
    if (!v) throw new Error(`no verdict for ${corpus}`);
    const record: RecordedVerdict = { ok: v.ok };
    if (v.message !== undefined) record.message = v.message.replaceAll(`${WORK_DIR}/files/`, '');
    if (v.line !== undefined && v.file === testedPath) record.line = v.line;
    if (v.warnings.length > 0) record.warnings = v.warnings.map((w) => w.replaceAll(`${WORK_DIR}/files/`, ''));
    out[corpus] = record;
  }
  const okCount = Object.values(out).filter((v) => v.ok).length;
  writeFileSync(VERDICTS, JSON.stringify({ nginx: version.trim() || 'nginx/1.30.6', files: out }, null, 2) + '\n');
  console.log(`recorded ${Object.keys(out).length} verdicts (${okCount} ok) into tests/oracle/nginx/verdicts.json`);
}

main();
