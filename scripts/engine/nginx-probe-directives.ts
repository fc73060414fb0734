// Verifies the documentation-derived directive table against the real nginx
// 1.30: for every directive, one-directive configs in every context and with
// 0..8 arguments, judged by `nginx -t`. Writes the differences as data
// (src/engine/nginx/directive-corrections.json), which the generator applies.
//   npx tsx scripts/engine/nginx-probe-directives.ts   (root: chroot)
import { writeFileSync } from 'node:fs';
import { documentedEntries, CORRECTIONS_PATH, type DirectiveCorrections, type TableEntry } from './build-nginx-reference.ts';
import { NGINX_CONTEXTS, type NginxContextName } from '../../src/engine/nginx/nginx-contexts.ts';
import { LOAD_MODULES, prepare as prepareChroot, rootfs, runAll as runAllIn, type NginxVerdict } from '../oracle/nginx-chroot.ts';

const WORK_DIR = '/tmp/atelier-nginx-probe';
const prepare = (root: string): string => prepareChroot(root, WORK_DIR);
const runAll = (root: string, files: Record<string, string>, mains: readonly string[]): Map<string, NginxVerdict> => runAllIn(root, files, mains, 2, '', WORK_DIR);

const MAX_PROBED_ARGS = 8;

/** A main config that passes `nginx -t`, with one slot per context. */
function skeleton(slot: NginxContextName, text: string): string {
  const at = (context: NginxContextName): string => (context === slot ? `\n${text}\n` : '');
  return `${LOAD_MODULES}pid ${WORK_DIR}/nginx.pid;
${at('main')}
events {${at('events')} }
http {${at('http')}
  access_log off;
  upstream u {${at('http-upstream')} server 127.0.0.1:1; }
  server {${at('http-server')} listen 127.0.0.1:8081;
    if ($host) {${at('http-server-if')} }
    location / {${at('http-location')}
      if ($host) {${at('http-location-if')} }
      limit_except GET {${at('http-limit-except')} }
    }
  }
}
stream {${at('stream')}
  server {${at('stream-server')} listen 127.0.0.1:9000; proxy_pass 127.0.0.1:1; }
  upstream su {${at('stream-upstream')} server 127.0.0.1:1; }
}
mail {${at('mail')}
  auth_http 127.0.0.1:9/auth;
  server {${at('mail-server')} listen 127.0.0.1:2525; protocol smtp; }
}
`;
}

function statement(name: string, args: number, block: boolean): string {
  const words = Array.from({ length: args }, (_, i) => `a${i}`);
  return `${[name, ...words].join(' ')}${block ? ' { }' : ';'}`;
}

const rejectsContext = (v: NginxVerdict | undefined): boolean => /directive is not allowed here|^unknown directive/.test(v?.message ?? '');
const isUnknownVerdict = (v: NginxVerdict | undefined): boolean => /^unknown directive/.test(v?.message ?? '');
const rejectsArity = (v: NginxVerdict | undefined): boolean => /^invalid number of arguments/.test(v?.message ?? '');

function familyContexts(module: string): NginxContextName[] {
  if (module.startsWith('http_')) return NGINX_CONTEXTS.filter((c) => c.startsWith('http'));
  if (module.startsWith('stream_')) return NGINX_CONTEXTS.filter((c) => c.startsWith('stream'));
  if (module.startsWith('mail_')) return NGINX_CONTEXTS.filter((c) => c.startsWith('mail'));
  return [...NGINX_CONTEXTS];
}

function main(): void {
  const root = rootfs();
  prepare(root);
  const entries = documentedEntries();
  const names = [...new Set(entries.map((e) => e.name))].sort();

  const baseline = runAll(root, { 'baseline.conf': skeleton('main', '') }, ['baseline.conf']).get('baseline.conf');
  if (!baseline?.ok) throw new Error(`probe skeleton fails nginx -t: ${baseline?.message}`);

  // Contexts: any arity will do, nginx checks the context first.
  const files: Record<string, string> = {};
  for (const name of names) {
    const block = entries.some((e) => e.name === name && e.block);
    for (const context of NGINX_CONTEXTS) files[`ctx/${name}/${context}.conf`] = skeleton(context, statement(name, 1, block));
  }
  const contextVerdicts = runAll(root, files, Object.keys(files));
  const allowed = new Map<string, Set<NginxContextName>>();
  const unknownNames = new Set<string>();
  for (const name of names) {
    const set = new Set<NginxContextName>();
    let unknown = true;
    for (const context of NGINX_CONTEXTS) {
      const verdict = contextVerdicts.get(`ctx/${name}/${context}.conf`);
      if (!isUnknownVerdict(verdict)) unknown = false;
      if (!rejectsContext(verdict)) set.add(context);
    }
    if (unknown) unknownNames.add(name);
    allowed.set(name, set);
  }

  // A module is missing from the build when most names only it defines are
  // unknown to nginx (a built module may still document a few NGINX Plus-only
  // directives, as http_upstream does with `ntlm`).
  const modules = [...new Set(entries.map((e) => e.module))];
  const modulesNotBuilt = modules
    .filter((m) => {
      const own = entries.filter((e) => e.module === m && entries.every((o) => o.name !== e.name || o.module === m));
      return own.length > 0 && own.filter((e) => unknownNames.has(e.name)).length * 2 > own.length;
    })
    .sort();
  const built = entries.filter((e) => !modulesNotBuilt.includes(e.module) && !unknownNames.has(e.name));

  // Contexts: nginx answers per name; share them out among the built rows of one family.
  const realContexts = new Map<TableEntry, NginxContextName[]>();
  for (const entry of built) {
    const family = familyContexts(entry.module);
    const real = allowed.get(entry.name) ?? new Set();
    const siblings = built.filter((e) => e.name === entry.name && familyContexts(e.module).join() === family.join());
    let contexts: NginxContextName[];
    if (siblings.length === 1) contexts = family.filter((c) => real.has(c));
    else {
      contexts = entry.contexts.filter((c) => real.has(c));
      if (siblings[0] === entry) {
        const documented = new Set(siblings.flatMap((e) => e.contexts));
        contexts.push(...family.filter((c) => real.has(c) && !documented.has(c)));
      }
    }
    realContexts.set(entry, NGINX_CONTEXTS.filter((c) => contexts.includes(c)));
  }
  const probed = built.filter((e) => (realContexts.get(e) ?? []).length > 0);

  // Arity, per row, in the first context where nginx accepts it.
  const arityFiles: Record<string, string> = {};
  for (const entry of probed) {
    const context = realContexts.get(entry)![0]!;
    for (let n = 0; n <= MAX_PROBED_ARGS; n++) arityFiles[`arity/${entry.name}@${entry.module}/${n}.conf`] = skeleton(context, statement(entry.name, n, entry.block));
  }
  const arityVerdicts = runAll(root, arityFiles, Object.keys(arityFiles));

  // "is duplicate": the same directive twice with a value nginx accepts. The
  // documented default is usually one; common value shapes are tried too.
  const duplicateFiles: Record<string, string> = {};
  for (const entry of probed.filter((e) => !e.block)) {
    const context = realContexts.get(entry)![0]!;
    const candidates = [entry.defaultValue, 'on', '1', '1s', '1k', '/tmp', 'a0', 'http://127.0.0.1', '$uri /index.html', 'root'].filter(
      (c): c is string => c !== undefined && c !== '' && !/[|\n"]|\.\.\./.test(c),
    );
    candidates.forEach((value, i) => {
      const line = `${entry.name} ${value};`;
      duplicateFiles[`dup/${entry.name}@${entry.module}/${i}.conf`] = skeleton(context, `${line}\n${line}`);
    });
  }
  const duplicateVerdicts = runAll(root, duplicateFiles, Object.keys(duplicateFiles));
  const isDuplicate = (entry: TableEntry): boolean =>
    [...duplicateVerdicts.entries()].some(([file, v]) => file.startsWith(`dup/${entry.name}@${entry.module}/`) && v.message === `"${entry.name}" directive is duplicate`);

  const directives: DirectiveCorrections['directives'] = {};
  for (const entry of probed) {
    const accepted: number[] = [];
    for (let n = 0; n <= MAX_PROBED_ARGS; n++) {
      if (!rejectsArity(arityVerdicts.get(`arity/${entry.name}@${entry.module}/${n}.conf`))) accepted.push(n);
    }
    const key = `${entry.name}@${entry.module}`;
    const fix: DirectiveCorrections['directives'][string] = {};
    if (accepted.length > 0) {
      const min = accepted[0]!;
      const max = accepted[accepted.length - 1]! === MAX_PROBED_ARGS ? Infinity : accepted[accepted.length - 1]!;
      if (min !== entry.min) fix.min = min;
      if (max !== entry.max) fix.max = Number.isFinite(max) ? max : null;
    }
    const contexts = realContexts.get(entry)!;
    if (contexts.join() !== entry.contexts.join()) fix.contexts = contexts;
    if (isDuplicate(entry)) fix.unique = true;
    if (Object.keys(fix).length > 0) directives[key] = fix;
  }

  const unknownDirectives = [...unknownNames].filter((n) => entries.some((e) => e.name === n && !modulesNotBuilt.includes(e.module))).sort();
  const corrections: DirectiveCorrections = { nginxVersion: '1.30.6', modulesNotBuilt, unknownDirectives, directives };
  writeFileSync(new URL(`../../${CORRECTIONS_PATH}`, import.meta.url), JSON.stringify(corrections, null, 2) + '\n');
  console.log(`probed ${names.length} names, ${Object.keys(files).length + Object.keys(arityFiles).length + Object.keys(duplicateFiles).length} configs; ${modulesNotBuilt.length} modules not built; ${Object.keys(directives).length} corrections`);
}

main();
