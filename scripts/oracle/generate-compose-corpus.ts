// Builds the compose oracle corpus: each realistic base project of
// tests/oracle/compose/bases, unchanged, plus systematic mutations of it
// (deleted keys, wrong types, bad references, bad ports/durations/sizes,
// cycles, unknown keys, interpolation and YAML syntax errors). The output is
// committed; `npm run oracle:compose` then records what the real
// `docker compose config -q` says about each case.
//   node scripts/oracle/generate-compose-corpus.ts
// The root .gitignore ignores `.env`: commit the corpus ones with
//   git add -f $(find tests/oracle/compose -name .env)
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, parseDocument, YAMLMap, type Document } from 'yaml';

const root = fileURLToPath(new URL('../../tests/oracle/compose/', import.meta.url));
const basesDir = join(root, 'bases');
const corpusDir = join(root, 'corpus');

type Doc = Document.Parsed;
/** A mutation edits the base compose.yaml (as a Document or as text); undefined when it does not apply. */
interface Mutation {
  name: string;
  doc?: (doc: Doc, services: string[]) => boolean;
  text?: (text: string) => string | undefined;
  env?: string;
}

function firstService(doc: Doc, services: string[], predicate: (s: YAMLMap) => boolean = () => true): string | undefined {
  return services.find((name) => {
    const node = doc.getIn(['services', name]);
    return isMap(node) && predicate(node);
  });
}

const hasImageOnly = (s: YAMLMap): boolean => s.has('image') && !s.has('build');

function setOnFirst(key: string, value: unknown, predicate?: (s: YAMLMap) => boolean): (doc: Doc, services: string[]) => boolean {
  return (doc, services) => {
    const name = firstService(doc, services, predicate);
    if (!name) return false;
    doc.setIn(['services', name, key], doc.createNode(value));
    return true;
  };
}

function lineMatching(text: string, pattern: RegExp, edit: (line: string) => string): string | undefined {
  const lines = text.split('\n');
  const index = lines.findIndex((l) => pattern.test(l));
  if (index === -1) return undefined;
  lines[index] = edit(lines[index]!);
  return lines.join('\n');
}

const HEALTHCHECK = { test: ['CMD-SHELL', 'exit 0'], interval: '10s' };

const mutations: Mutation[] = [
  { name: 'original', text: (t) => t },
  // Deleted keys and wrong shapes.
  { name: 'delete-image', doc: (doc, s) => { const n = firstService(doc, s, hasImageOnly); return !!n && doc.deleteIn(['services', n, 'image']); } },
  { name: 'delete-services', doc: (doc) => doc.delete('services') },
  { name: 'ports-as-string', doc: setOnFirst('ports', '8080:80') },
  { name: 'environment-as-number', doc: setOnFirst('environment', 42) },
  { name: 'depends-on-as-number', doc: setOnFirst('depends_on', 3) },
  { name: 'networks-as-string', doc: (doc) => { if (!doc.has('networks')) return false; doc.set('networks', 'front'); return true; } },
  { name: 'top-level-networks-list', doc: (doc) => { doc.set('networks', doc.createNode(['front', 'back'])); return true; } },
  { name: 'restart-number', doc: setOnFirst('restart', 5) },
  { name: 'healthcheck-retries-text', doc: setOnFirst('healthcheck', { ...HEALTHCHECK, retries: 'trois' }) },
  { name: 'build-as-list', doc: setOnFirst('build', ['./api']) },
  { name: 'command-as-map', doc: setOnFirst('command', { run: 'npm start' }) },
  // Unknown keys.
  { name: 'typo-environment', doc: (doc, s) => { const n = firstService(doc, s); if (!n) return false; doc.setIn(['services', n, 'enviroment'], doc.createNode({ A: '1' })); return true; } },
  { name: 'typo-ports', doc: setOnFirst('port', ['8080:80']) },
  { name: 'typo-depends-on', doc: setOnFirst('depends-on', ['db']) },
  { name: 'typo-healthcheck', doc: setOnFirst('healtcheck', HEALTHCHECK) },
  { name: 'typo-top-level', doc: (doc) => { doc.set('volume', doc.createNode({ data: {} })); return true; } },
  { name: 'unknown-healthcheck-key', doc: setOnFirst('healthcheck', { ...HEALTHCHECK, every: '10s' }) },
  { name: 'extension-field', doc: (doc) => { doc.set('x-notes', doc.createNode({ auteur: 'atelier' })); return true; } },
  { name: 'invalid-service-name', text: (t) => lineMatching(t, /^ {2}[a-z][\w-]*:\s*$/, (l) => l.replace(/^ {2}([a-z][\w-]*):/, '  mon $1:')) },
  // References.
  { name: 'undefined-network', doc: setOnFirst('networks', ['nulle-part']) },
  { name: 'undefined-volume', doc: setOnFirst('volumes', ['fantome:/data']) },
  { name: 'undefined-secret', doc: setOnFirst('secrets', ['secret_fantome']) },
  { name: 'undefined-config', doc: setOnFirst('configs', ['config_fantome']) },
  { name: 'unknown-dependency', doc: setOnFirst('depends_on', ['fantome']) },
  { name: 'self-dependency', doc: (doc, s) => { const n = firstService(doc, s); if (!n) return false; doc.setIn(['services', n, 'depends_on'], doc.createNode([n])); return true; } },
  {
    name: 'dependency-cycle',
    doc: (doc, s) => {
      if (s.length < 2) return false;
      doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode([s[1]!]));
      doc.setIn(['services', s[1]!, 'depends_on'], doc.createNode([s[0]!]));
      return true;
    },
  },
  {
    name: 'dependency-cycle-of-three',
    doc: (doc, s) => {
      if (s.length < 3) return false;
      doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode([s[1]!]));
      doc.setIn(['services', s[1]!, 'depends_on'], doc.createNode([s[2]!]));
      doc.setIn(['services', s[2]!, 'depends_on'], doc.createNode([s[0]!]));
      return true;
    },
  },
  { name: 'bind-mount-is-fine', doc: setOnFirst('volumes', ['./data:/data']) },
  { name: 'declared-external-network', doc: (doc, s) => { const n = firstService(doc, s); if (!n) return false; doc.setIn(['services', n, 'networks'], doc.createNode(['partage'])); doc.setIn(['networks', 'partage'], doc.createNode({ external: true })); return true; } },
  // Syntax of values compose parses itself.
  { name: 'port-too-many-colons', doc: setOnFirst('ports', ['80:80:80:80']) },
  { name: 'port-out-of-range', doc: setOnFirst('ports', ['70000:80']) },
  { name: 'port-not-a-number', doc: setOnFirst('ports', ['http:80']) },
  { name: 'port-bad-protocol', doc: setOnFirst('ports', ['8080:80/icmp']) },
  { name: 'port-mismatched-ranges', doc: setOnFirst('ports', ['8000-8002:80-81']) },
  { name: 'port-with-ip', doc: setOnFirst('ports', ['127.0.0.1:8080:80/udp']) },
  { name: 'port-long-without-target', doc: setOnFirst('ports', [{ published: 8080 }]) },
  { name: 'duration-without-unit', doc: setOnFirst('healthcheck', { ...HEALTHCHECK, interval: '10' }) },
  { name: 'duration-in-french', doc: setOnFirst('healthcheck', { ...HEALTHCHECK, timeout: '5 secondes' }) },
  { name: 'duration-compound', doc: setOnFirst('healthcheck', { ...HEALTHCHECK, start_period: '1m30s' }) },
  { name: 'stop-grace-period-bad', doc: setOnFirst('stop_grace_period', '30 s') },
  { name: 'size-in-french', doc: setOnFirst('mem_limit', '512Mo') },
  { name: 'size-valid', doc: setOnFirst('mem_limit', '1.5g') },
  { name: 'shm-size-bad', doc: setOnFirst('shm_size', 'beaucoup') },
  { name: 'volume-empty-source', doc: setOnFirst('volumes', [':/data']) },
  { name: 'volume-too-many-colons', doc: setOnFirst('volumes', ['./a:/b:ro:z']) },
  { name: 'volume-anonymous', doc: setOnFirst('volumes', ['/var/cache/app']) },
  { name: 'condition-unknown', doc: (doc, s) => { if (s.length < 2) return false; doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode({ [s[1]!]: { condition: 'service_ready' } })); return true; } },
  { name: 'condition-missing', doc: (doc, s) => { if (s.length < 2) return false; doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode({ [s[1]!]: { restart: true } })); return true; } },
  { name: 'port-host-name', doc: setOnFirst('ports', ['localhost:8080:80']) },
  { name: 'bind-without-source', doc: setOnFirst('volumes', [{ type: 'bind', target: '/data' }]) },
  { name: 'network-mode-unknown-service', doc: (doc, s) => { const n = firstService(doc, s); if (!n) return false; doc.deleteIn(['services', n, 'networks']); doc.setIn(['services', n, 'network_mode'], 'service:fantome'); return true; } },
  { name: 'repeated-dns', doc: setOnFirst('dns', ['1.1.1.1', '1.1.1.1']) },
  { name: 'repeated-dependency', doc: (doc, s) => { if (s.length < 2) return false; doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode([s[1]!, s[1]!])); return true; } },
  { name: 'empty-image', doc: setOnFirst('image', '', hasImageOnly) },
  { name: 'secret-without-source', doc: (doc, s) => { const n = firstService(doc, s); if (!n) return false; doc.setIn(['services', n, 'secrets'], doc.createNode(['vide'])); doc.setIn(['secrets', 'vide'], doc.createNode({})); return true; } },
  { name: 'boolean-yes', doc: setOnFirst('init', 'yes') },
  { name: 'boolean-in-french', doc: setOnFirst('init', 'oui') },
  // Interpolation.
  { name: 'required-variable-unset', doc: setOnFirst('image', 'nginx:${IMAGE_TAG:?définissez IMAGE_TAG}', hasImageOnly) },
  { name: 'required-variable-set', doc: setOnFirst('image', 'nginx:${IMAGE_TAG:?définissez IMAGE_TAG}', hasImageOnly), env: 'IMAGE_TAG=1.30-alpine\n' },
  { name: 'required-variable-empty', doc: setOnFirst('image', 'nginx:${IMAGE_TAG:?définissez IMAGE_TAG}', hasImageOnly), env: 'IMAGE_TAG=\n' },
  { name: 'required-no-colon-empty', doc: setOnFirst('image', 'nginx:1.30${SUFFIX?}', hasImageOnly), env: 'SUFFIX=\n' },
  { name: 'unclosed-interpolation', doc: setOnFirst('environment', { GREETING: 'bonjour ${NAME' }) },
  { name: 'invalid-interpolation-name', doc: setOnFirst('environment', { GREETING: 'bonjour ${1NAME}' }) },
  { name: 'unset-variable-default', doc: setOnFirst('environment', { LOG_LEVEL: '${LOG_LEVEL:-info}' }) },
  { name: 'escaped-dollar', doc: setOnFirst('environment', { PRICE: '$$5' }) },
  { name: 'nested-default', doc: setOnFirst('environment', { URL: '${API_URL:-http://${API_HOST:-api}:3000}' }) },
  { name: 'required-in-nested-default', doc: setOnFirst('environment', { URL: '${API_URL:-${API_HOST:?définissez API_HOST}}' }) },
  // Accepted by `config`, judged by good-practice or up-time rules.
  { name: 'version-key', text: (t) => `version: "3.8"\n${t}` },
  { name: 'container-name', doc: setOnFirst('container_name', 'mon-conteneur') },
  { name: 'latest-tag', doc: setOnFirst('image', 'nginx:latest', hasImageOnly) },
  { name: 'healthy-without-healthcheck', doc: (doc, s) => { if (s.length < 2) return false; doc.deleteIn(['services', s[1]!, 'healthcheck']); doc.setIn(['services', s[0]!, 'depends_on'], doc.createNode({ [s[1]!]: { condition: 'service_healthy' } })); return true; } },
  { name: 'duplicate-host-port', doc: (doc, s) => { if (s.length < 2) return false; doc.setIn(['services', s[0]!, 'ports'], doc.createNode(['9999:80'])); doc.setIn(['services', s[1]!, 'ports'], doc.createNode(['9999:3000'])); return true; } },
  { name: 'restart-unknown-value', doc: setOnFirst('restart', 'toujours') },
  { name: 'inline-password', doc: setOnFirst('environment', { DB_PASSWORD: 'motdepasse123' }) },
  // YAML syntax.
  { name: 'tab-indentation', text: (t) => lineMatching(t, /^ {4}\S/, (l) => l.replace(/^ {4}/, '\t')) },
  { name: 'unclosed-quote', text: (t) => lineMatching(t, /^ {4}image: /, (l) => l.replace('image: ', 'image: "')) },
  { name: 'duplicate-key', text: (t) => lineMatching(t, /^ {4}image: /, (l) => `${l}\n${l}`) },
  { name: 'extra-indent', text: (t) => lineMatching(t, /^ {4}(ports|environment|volumes):/, (l) => ` ${l}`) },
  { name: 'missing-colon', text: (t) => lineMatching(t, /^ {4}image: /, (l) => l.replace('image: ', 'image ')) },
  { name: 'missing-space-after-colon', text: (t) => lineMatching(t, /^ {4}image: /, (l) => l.replace('image: ', 'image:')) },
  { name: 'unknown-alias', text: (t) => lineMatching(t, /^ {4}image: /, (l) => `${l}\n    labels: *inexistant`) },
  { name: 'bad-escape', text: (t) => lineMatching(t, /^ {4}image: /, (l) => `${l}\n    working_dir: "C:\\q"`) },
  { name: 'unclosed-flow', text: (t) => lineMatching(t, /^ {4}image: /, (l) => `${l}\n    dns: ["1.1.1.1"`) },
  { name: 'list-at-root', text: () => '- web\n- api\n' },
  { name: 'two-documents', text: (t) => `${t}---\nservices: {}\n` },
];

function write(name: string, base: string, compose: string, env: string | undefined): void {
  const dir = join(corpusDir, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(join(basesDir, base))) {
    if (entry !== 'compose.yaml') cpSync(join(basesDir, base, entry), join(dir, entry));
  }
  writeFileSync(join(dir, 'compose.yaml'), compose);
  if (env !== undefined) writeFileSync(join(dir, '.env'), env);
}

if (existsSync(corpusDir)) rmSync(corpusDir, { recursive: true });
let count = 0;
for (const base of readdirSync(basesDir).sort()) {
  const source = readFileSync(join(basesDir, base, 'compose.yaml'), 'utf8');
  for (const mutation of mutations) {
    let output: string | undefined;
    if (mutation.text) output = mutation.text(source);
    else if (mutation.doc) {
      const doc = parseDocument(source, { merge: true });
      const servicesNode = doc.get('services');
      const services = isMap(servicesNode) ? servicesNode.items.map((pair) => String((pair.key as { value: unknown }).value)) : [];
      output = mutation.doc(doc, services) ? doc.toString({ lineWidth: 0 }) : undefined;
    }
    if (output === undefined) continue;
    write(`${base}--${mutation.name}`, base, output, mutation.env);
    count++;
  }
}
console.log(`wrote ${count} cases to ${corpusDir}`);
