// Mutates the compose ↔ nginx cases (cases/cross → cases/cross-mutants) with
// the mistakes people report when a proxy cannot reach a service ("host not
// found in upstream"), and with the ways a name legitimately resolves:
//   npx tsx scripts/oracle/real-world/mutate-cross.ts
// Each mutant keeps only the files it changed; its case.json names its base.
// Only bases nginx accepts are mutated (record-cross.ts first).
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { isMap, isSeq, parseDocument, type Document } from 'yaml';
import { crossProjectFiles } from './agreement.ts';
import { corpusDir, verdictsFile } from './paths.ts';

interface Target { file: string; host: string; port: string | undefined; index: number; directive: string }

/** Addresses nginx resolves when it loads the configuration, with their place in the text. */
function targets(file: string, text: string): Target[] {
  const out: Target[] = [];
  const clean = text.replace(/#[^\n]*/g, (c) => ' '.repeat(c.length));
  const upstreams = new Set([...clean.matchAll(/\bupstream\s+([\w.-]+)\s*\{/g)].map((m) => m[1]!));
  for (const m of clean.matchAll(/\b(proxy_pass|grpc_pass)\s+["']?(?:https?|grpcs?):\/\/([A-Za-z0-9_-]+)(?::(\d+))?/g)) {
    if (!upstreams.has(m[2]!)) out.push({ file, host: m[2]!, port: m[3], index: m.index! + m[0].indexOf('//') + 2, directive: m[1]! });
  }
  for (const m of clean.matchAll(/\b(fastcgi_pass|uwsgi_pass|scgi_pass)\s+["']?([A-Za-z0-9_-]+)(?::(\d+))?/g)) {
    if (!upstreams.has(m[2]!)) out.push({ file, host: m[2]!, port: m[3], index: m.index! + m[0].length - m[2]!.length - (m[3] ? m[3].length + 1 : 0), directive: m[1]! });
  }
  for (const m of clean.matchAll(/^(\s*server\s+)([A-Za-z0-9_-]+)(?::(\d+))?[^;{]*;/gm)) out.push({ file, host: m[2]!, port: m[3], index: m.index! + m[1]!.length, directive: 'server' });
  return out.sort((a, b) => a.index - b.index);
}

/** The project files a service bind-mounts under /etc/nginx (short or long syntax), relative to the compose file's folder. */
function mountedNginxFiles(service: Record<string, unknown>, composeDir: string, files: Map<string, string>): string[] {
  const sources: string[] = [];
  for (const v of (service['volumes'] as unknown[] | undefined) ?? []) {
    let source: string | undefined;
    let target: string | undefined;
    if (typeof v === 'string') [source, target] = v.split(':') as [string, string];
    else if (v && typeof v === 'object') ({ source, target } = v as { source?: string; target?: string });
    if (!source || !target || !(target === '/etc/nginx' || target.startsWith('/etc/nginx/')) || !/^\.{0,2}\//.test(source)) continue;
    sources.push(normalize(join(composeDir, source)).replace(/\/$/, ''));
  }
  return [...files.keys()].filter((p) => /\.conf(\.template)?$/.test(p) && sources.some((s) => p === s || p.startsWith(`${s}/`)));
}

function typo(host: string, taken: Set<string>): string {
  const i = Math.max(1, Math.floor(host.length / 2) - 1);
  const swapped = host.slice(0, i) + host[i + 1] + host[i] + host.slice(i + 2);
  return swapped !== host && !taken.has(swapped) ? swapped : `${host}s`;
}

/** Removes every `depends_on` and `links` entry naming a service. */
function forget(doc: Document, services: string[], name: string): void {
  for (const s of services) {
    for (const key of ['depends_on', 'links']) {
      const node = doc.getIn(['services', s, key], true);
      if (isSeq(node)) node.items = node.items.filter((i) => String((i as { value?: unknown }).value ?? i).split(':')[0] !== name);
      else if (isMap(node)) node.delete(name);
      const after = doc.getIn(['services', s, key], true);
      if ((isSeq(after) || isMap(after)) && after.items.length === 0) doc.deleteIn(['services', s, key]);
    }
  }
}

/**
 * One Document over a project's compose files: an edit of `services.<name>`
 * goes to the file that defines the service first, a top-level key to the
 * file of the mutated target.
 */
function routed(docs: Document[], home: Map<string, number>, topLevel: number): Document {
  const pick = (path: readonly unknown[]): Document => docs[path[0] === 'services' && typeof path[1] === 'string' ? (home.get(path[1]) ?? 0) : topLevel]!;
  return new Proxy(docs[topLevel]!, {
    get(target, key) {
      if (key === 'setIn' || key === 'getIn' || key === 'deleteIn' || key === 'hasIn') return (path: unknown[], ...rest: unknown[]) => (pick(path) as unknown as Record<string, (...a: unknown[]) => unknown>)[key]!(path, ...rest);
      const value = Reflect.get(target, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** The compose Documents of the mutation being made (all files of the project). */
let docs: Document[] = [];
/** Files a mutation renames, old path → new. */
const renames = new Map<string, string>();

const bases = JSON.parse(readFileSync(verdictsFile('cross'), 'utf8')) as Record<string, { ok: boolean; composeInvalid?: string }>;
const out = corpusDir('cross-mutants');
rmSync(out, { recursive: true, force: true });
let count = 0;
for (const base of readdirSync(corpusDir('cross')).sort()) {
  if (!bases[base]?.ok) continue;
  const meta = JSON.parse(readFileSync(join(corpusDir('cross'), base, 'case.json'), 'utf8')) as Record<string, unknown> & { composeFile: string; composeFiles?: string[]; env?: Record<string, string> };
  const files = crossProjectFiles('cross', base);
  const composeFiles = meta.composeFiles ?? [meta.composeFile];
  const composeTexts = composeFiles.map((f) => files.get(f)!);
  // Variables as Compose reads them for a mount's source: the shell's (case.json), then `.env`.
  const variables: Record<string, string> = { ...Object.fromEntries((files.get('.env') ?? '').split('\n').filter((l) => /^[A-Za-z_]\w*=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])), ...meta.env };
  const interpolate = (text: string): string => text.replace(/\$\{(\w+)(?::?-([^}]*))?\}/g, (_, name: string, fallback?: string) => variables[name] || fallback || '');
  const parsed = composeTexts.map((t) => parseDocument(t).toJS() as { services?: Record<string, Record<string, unknown>> });
  // The merged services (keys of a later file win; volumes add up), and the file that defines each first.
  const model: { services: Record<string, Record<string, unknown>> } = { services: {} };
  const home = new Map<string, number>();
  parsed.forEach((p, i) => {
    for (const [name, service] of Object.entries(p.services ?? {})) {
      if (!home.has(name)) home.set(name, i);
      const merged = { ...model.services[name], ...service };
      if (model.services[name]?.['volumes'] && service?.['volumes']) merged['volumes'] = [...(model.services[name]!['volumes'] as unknown[]), ...(service['volumes'] as unknown[])];
      model.services[name] = merged;
    }
  });
  for (const service of Object.values(model.services)) if (Array.isArray(service['volumes'])) service['volumes'] = (service['volumes'] as unknown[]).map((v) => (typeof v === 'string' ? interpolate(v) : v));
  const services = Object.keys(model.services);
  const composeDir = dirname(composeFiles[0]!) === '.' ? '' : dirname(composeFiles[0]!);
  for (const proxy of services) {
    const proxyService = model.services[proxy]!;
    const all = mountedNginxFiles(proxyService, composeDir, files)
      .flatMap((f) => targets(f, files.get(f)!))
      .filter((t) => services.includes(t.host) && t.host !== proxy);
    const target = all[0];
    if (!target) continue;
    const svc = model.services[target.host]!;
    const textOf = (t: Target): string => files.get(t.file)!;
    const nginxText = textOf(target);
    const retargetAt = (t: Target, host: string, port = t.port): string => textOf(t).slice(0, t.index) + host + (port ? `:${port}` : '') + textOf(t).slice(t.index + t.host.length + (t.port ? t.port.length + 1 : 0));
    const retarget = (host: string, port = target.port): string => retargetAt(target, host, port);
    /** The line of a pass directive, to write another directive before it in the same block. */
    const lineStart = (t: Target): number => textOf(t).lastIndexOf('\n', t.index) + 1;
    const indent = (t: Target): string => /^[ \t]*/.exec(textOf(t).slice(lineStart(t)))![0];
    const before = (t: Target, directive: string): string => textOf(t).slice(0, lineStart(t)) + indent(t) + directive + '\n' + textOf(t).slice(lineStart(t));
    /** The file mounted alone on conf.d/<name>.conf moved to templates/<name>.conf.template, its host taken from `UPSTREAM_HOST`. */
    const templated = (doc: Document, value: string): string | undefined => {
      const volumes = doc.getIn(['services', proxy, 'volumes'], true);
      if (!isSeq(volumes)) return undefined;
      const source = `./${target.file.slice(composeDir ? composeDir.length + 1 : 0)}`;
      const item = volumes.items.find((i) => typeof (i as { value?: unknown }).value === 'string' && normalize(((i as { value: string }).value).split(':')[0]!) === normalize(source));
      const mount = (item as { value?: string } | undefined)?.value;
      const [from, to, mode] = mount?.split(':') ?? [];
      if (!item || !to || !/^\/etc\/nginx\/conf\.d\/[^/]+\.conf$/.test(to)) return undefined;
      (item as { value: string }).value = [from, to.replace('/etc/nginx/conf.d/', '/etc/nginx/templates/') + '.template', ...(mode ? [mode] : [])].join(':');
      const environment = doc.getIn(['services', proxy, 'environment'], true);
      if (isSeq(environment)) environment.add(doc.createNode(`UPSTREAM_HOST=${value}`));
      else if (isMap(environment)) environment.set('UPSTREAM_HOST', value);
      else doc.setIn(['services', proxy, 'environment'], doc.createNode({ UPSTREAM_HOST: value }));
      return retarget('${UPSTREAM_HOST}');
    };
    const passTarget = all.find((t) => t.directive !== 'server');
    const proxyPass = all.find((t) => t.directive === 'proxy_pass');
    const proxyNetworks = proxyService['network_mode'] ? [] : Array.isArray(proxyService['networks']) ? (proxyService['networks'] as string[]) : proxyService['networks'] ? Object.keys(proxyService['networks'] as object) : ['default'];
    const targetNetworks = Array.isArray(svc['networks']) ? (svc['networks'] as string[]) : svc['networks'] ? Object.keys(svc['networks'] as object) : ['default'];
    const shared = targetNetworks.find((n) => proxyNetworks.includes(n));
    type Mutant = { file?: string; apply: (doc: Document) => string | undefined };
    const mutants: Record<string, Mutant> = {
      'host-typo': { apply: () => retarget(typo(target.host, new Set(services))) },
      'target-other-network': {
        apply: (doc) => {
          if (svc['network_mode'] || proxyService['network_mode']) return undefined;
          doc.setIn(['services', target.host, 'networks'], doc.createNode(['isolated']));
          if (!doc.hasIn(['networks'])) doc.set('networks', doc.createNode({}));
          doc.setIn(['networks', 'isolated'], null);
          return nginxText;
        },
      },
      'target-removed': {
        apply: (doc) => {
          if (services.some((s) => JSON.stringify(model.services[s]).includes(`service:${target.host}`))) return undefined;
          // Out of every file (an override that still names it would define it without an image).
          for (const other of docs) other.deleteIn(['services', target.host]);
          doc.deleteIn(['services', target.host]);
          forget(doc, services, target.host);
          return nginxText;
        },
      },
      'target-inactive-profile': {
        apply: (doc) => {
          doc.setIn(['services', target.host, 'profiles'], doc.createNode(['debug']));
          forget(doc, services, target.host);
          return nginxText;
        },
      },
      // The proxy given a network of its own: it leaves `default`, where the target stays.
      'proxy-own-network': {
        apply: (doc) => {
          if (proxyService['network_mode'] || proxyService['networks'] || svc['networks'] || svc['network_mode']) return undefined;
          doc.setIn(['services', proxy, 'networks'], doc.createNode(['edge']));
          if (!doc.hasIn(['networks'])) doc.set('networks', doc.createNode({}));
          doc.setIn(['networks', 'edge'], null);
          return nginxText;
        },
      },
      'proxy-host-network': {
        apply: (doc) => {
          for (const key of ['networks', 'ports', 'links', 'expose']) doc.deleteIn(['services', proxy, key]);
          doc.setIn(['services', proxy, 'network_mode'], 'host');
          return nginxText;
        },
      },
      'container-name': {
        apply: (doc) => {
          const name = (svc['container_name'] as string | undefined) ?? `${target.host.replace(/-/g, '_')}_container`;
          if (!svc['container_name']) doc.setIn(['services', target.host, 'container_name'], name);
          return retarget(name);
        },
      },
      'network-alias': {
        apply: (doc) => {
          if (!shared) return undefined;
          const alias = `${target.host}-alias`;
          const networks = Object.fromEntries(targetNetworks.map((n) => [n, n === shared ? { aliases: [alias] } : null]));
          doc.setIn(['services', target.host, 'networks'], doc.createNode(networks));
          return retarget(alias);
        },
      },
      'alias-other-network': {
        apply: (doc) => {
          if (svc['network_mode'] || proxyService['network_mode']) return undefined;
          const alias = `${target.host}-alias`;
          const networks = { ...Object.fromEntries(targetNetworks.map((n) => [n, null])), isolated: { aliases: [alias] } };
          doc.setIn(['services', target.host, 'networks'], doc.createNode(networks));
          if (!doc.hasIn(['networks'])) doc.set('networks', doc.createNode({}));
          doc.setIn(['networks', 'isolated'], null);
          return retarget(alias);
        },
      },
      'links-alias': {
        apply: (doc) => {
          if (proxyService['network_mode'] || !shared) return undefined;
          const alias = `${target.host}-link`;
          const links = doc.getIn(['services', proxy, 'links'], true);
          if (isSeq(links)) links.add(doc.createNode(`${target.host}:${alias}`));
          else doc.setIn(['services', proxy, 'links'], doc.createNode([`${target.host}:${alias}`]));
          return retarget(alias);
        },
      },
      'extra-hosts': {
        apply: (doc) => {
          const name = `${target.host}-ext`;
          const hosts = doc.getIn(['services', proxy, 'extra_hosts'], true);
          if (isSeq(hosts)) hosts.add(doc.createNode(`${name}:10.0.0.9`));
          else if (hosts) return undefined;
          else doc.setIn(['services', proxy, 'extra_hosts'], doc.createNode([`${name}:10.0.0.9`]));
          return retarget(name);
        },
      },
      hostname: {
        apply: (doc) => {
          const name = `${target.host}-host`;
          doc.setIn(['services', target.host, 'hostname'], name);
          return retarget(name);
        },
      },
      'port-mismatch': { apply: () => retarget(target.host, target.port ? String(Number(target.port) + 1) : '8081') },
      // The host from a variable of the service, through the official image's templates (envsubst).
      'template-variable': { apply: (doc) => templated(doc, target.host) },
      'template-variable-typo': { apply: (doc) => templated(doc, typo(target.host, new Set(services))) },
      // The file renamed without `.conf` in the project: nginx reads it all the same, from where it is mounted.
      'config-without-conf-name': {
        apply: (doc) => {
          const volumes = doc.getIn(['services', proxy, 'volumes'], true);
          if (!isSeq(volumes)) return undefined;
          const source = `./${target.file.slice(composeDir ? composeDir.length + 1 : 0)}`;
          const item = volumes.items.find((i) => typeof (i as { value?: unknown }).value === 'string' && normalize(((i as { value: string }).value).split(':')[0]!) === normalize(source));
          if (!item) return undefined;
          const renamed = target.file.replace(/\.conf(\.template)?$/, '') + '-site';
          (item as { value: string }).value = (item as { value: string }).value.replace(source.replace(/^\.\//, ''), renamed.slice(composeDir ? composeDir.length + 1 : 0));
          renames.set(target.file, renamed);
          return retarget(typo(target.host, new Set(services)));
        },
      },
      // A command of its own skips the image's entrypoint scripts: templates are not rendered, the typo in one stops nothing.
      'typo-in-template-not-rendered': {
        apply: (doc) => {
          const mounted = JSON.stringify(proxyService['volumes'] ?? []).includes('/etc/nginx/templates');
          if (!mounted || proxyService['command'] || proxyService['entrypoint']) return undefined;
          doc.setIn(['services', proxy, 'command'], doc.createNode(['/bin/sh', '-c', "exec nginx -g 'daemon off;'"]));
          return retarget(typo(target.host, new Set(services)));
        },
      },
      // `localhost` is the proxy's own container: nginx -t accepts it (the requests fail later).
      'localhost-instead-of-service': { apply: () => retarget('localhost') },
      // Resolvers ignore case: `API` finds `api`.
      'host-uppercase': { apply: () => retarget(target.host.toUpperCase()) },
      // The file mounted where the official image never reads it (a Debian habit): the typo in it stops nothing.
      'typo-in-unread-file': {
        apply: (doc) => {
          const volumes = doc.getIn(['services', proxy, 'volumes'], true);
          if (!isSeq(volumes)) return undefined;
          let moved = false;
          for (const item of volumes.items) {
            const value = (item as { value?: unknown }).value;
            const text = typeof value === 'string' ? value : undefined;
            const target = text?.split(':')[1] ?? (isMap(item) ? String(item.get('target')) : undefined);
            if (!target || !/^\/etc\/nginx\/(conf\.d|templates)(\/|$)/.test(target)) continue;
            const moved_ = target.replace(/^\/etc\/nginx\/(conf\.d|templates)/, '/etc/nginx/sites-enabled');
            if (text !== undefined) (item as { value: string }).value = text.replace(target, moved_);
            else if (isMap(item)) item.set('target', moved_);
            moved = true;
          }
          return moved ? retarget(typo(target.host, new Set(services))) : undefined;
        },
      },
    };
    // The same typo in the other kinds of address the files hold (an upstream `server`, a `*_pass`).
    for (const other of all.slice(1)) {
      if (other.directive === target.directive || Object.keys(mutants).includes(`host-typo-${other.directive}`)) continue;
      mutants[`host-typo-${other.directive}`] = { file: other.file, apply: () => retargetAt(other, typo(other.host, new Set(services))) };
    }
    if (passTarget) {
      // `resolver` names a server nginx resolves at load time; a variable in `proxy_pass` is resolved per request.
      mutants['resolver-service'] = { file: passTarget.file, apply: () => before(passTarget, `resolver ${passTarget.host} valid=30s;`) };
      mutants['resolver-typo'] = { file: passTarget.file, apply: () => before(passTarget, `resolver ${typo(passTarget.host, new Set(services))} valid=30s;`) };
    }
    if (proxyPass) {
      const typoed = typo(proxyPass.host, new Set(services));
      mutants['variable-host'] = {
        file: proxyPass.file,
        apply: () => {
          const text = retargetAt(proxyPass, '$atelier_upstream', '');
          const at = lineStart(proxyPass);
          return `${text.slice(0, at)}${indent(proxyPass)}set $atelier_upstream ${typoed}${proxyPass.port ? `:${proxyPass.port}` : ''};\n${text.slice(at)}`;
        },
      };
      mutants['uwsgi-typo'] = {
        file: proxyPass.file,
        apply: () => {
          const text = textOf(proxyPass);
          const start = text.lastIndexOf('proxy_pass', proxyPass.index);
          const end = text.indexOf(';', proxyPass.index);
          return `${text.slice(0, start)}uwsgi_pass ${typoed}:${proxyPass.port ?? '8000'}${text.slice(end)}`;
        },
      };
    }
    for (const [mutation, { file = target.file, apply }] of Object.entries(mutants)) {
      renames.clear();
      docs = composeTexts.map((t) => parseDocument(t));
      const nginx = apply(routed(docs, home, home.get(target.host) ?? 0));
      if (nginx === undefined) continue;
      const changed: Record<string, string> = {};
      docs.forEach((doc, i) => {
        const text = String(doc);
        if (text !== composeTexts[i]) changed[composeFiles[i]!] = text;
      });
      const renamed = renames.get(file);
      if (renamed) changed[renamed] = nginx;
      else if (nginx !== files.get(file)) changed[file] = nginx;
      const id = `${base}~${proxy}~${mutation}`;
      for (const [path, text] of Object.entries(changed)) {
        mkdirSync(dirname(join(out, id, 'project', path)), { recursive: true });
        writeFileSync(join(out, id, 'project', path), text);
      }
      writeFileSync(join(out, id, 'case.json'), `${JSON.stringify({ ...meta, base, mutation: mutation.replace(/^host-typo-.*/, 'host-typo-other-address'), proxy, ...(renamed ? { removed: [file] } : {}) }, null, 2)}\n`);
      count++;
    }
  }
}
console.log(`${count} mutants`);
