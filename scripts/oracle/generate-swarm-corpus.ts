// Builds the Swarm oracle corpus: each real-world stack file of
// tests/oracle/swarm/bases (origins in tests/oracle/swarm/README.md), plus the
// course's own, unchanged and with systematic mutations about what
// `docker stack deploy` refuses, ignores or accepts. The output is
// committed as one JSON file (case → stack file text, and the empty files its
// `env_file`s name): a thousand mutated copies as loose YAML files would only
// slow down the tests that walk every YAML file of the repository.
// `npm run oracle:swarm` then records what the real `docker stack config`
// says about each case.
//   node scripts/oracle/generate-swarm-corpus.ts
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const root = join(repo, 'tests/oracle/swarm');
const basesDir = join(root, 'bases');
const corpusFile = join(root, 'corpus.json');

/** One case: the stack file, and the files its services' `env_file` name (created empty where the tool runs). */
export interface SwarmCase {
  stack: string;
  envFiles: string[];
}

/** The course's own files join the real-world ones: chapter 11's compose file (for Compose) and chapter 12's stack. */
const COURSE_BASES: Record<string, string> = {
  'cours-11-compose': 'src/content/lessons/11-bonnes-pratiques/solution/compose.yaml',
  'cours-12-stack': 'src/content/lessons/12-plusieurs-machines/solution/stack.yaml',
};

type Doc = Document.Parsed;
interface Mutation {
  name: string;
  /** Edits the document; false when the mutation does not apply to this base. */
  edit: (doc: Doc, services: string[]) => boolean;
}

function service(doc: Doc, name: string | undefined): YAMLMap | undefined {
  const node = name === undefined ? undefined : doc.getIn(['services', name]);
  return isMap(node) ? node : undefined;
}

/** Sets a key on the first service whose mapping passes `when`. */
function onFirst(path: string[], value: unknown, when: (s: YAMLMap) => boolean = () => true): Mutation['edit'] {
  return (doc, services) => {
    const name = services.find((n) => {
      const s = service(doc, n);
      return s !== undefined && when(s);
    });
    if (name === undefined) return false;
    doc.setIn(['services', name, ...path], doc.createNode(value));
    return true;
  };
}

const withDeploy = (s: YAMLMap): boolean => isMap(s.get('deploy'));

const mutations: Mutation[] = [
  { name: 'original', edit: () => true },
  // Compose-only keys the stack loader's schema refuses.
  { name: 'name', edit: (doc) => (doc.set('name', 'demo'), true) },
  { name: 'profiles', edit: onFirst(['profiles'], ['debug']) },
  { name: 'develop', edit: onFirst(['develop'], { watch: [{ action: 'sync', path: './src', target: '/app/src' }] }) },
  { name: 'pull-policy', edit: onFirst(['pull_policy'], 'always') },
  {
    name: 'depends-on-condition',
    edit: (doc, services) => {
      if (services.length < 2) return false;
      doc.setIn(['services', services[0]!, 'depends_on'], doc.createNode({ [services[1]!]: { condition: 'service_healthy' } }));
      return true;
    },
  },
  { name: 'secret-from-environment', edit: (doc) => (doc.setIn(['secrets', 'oracle_token'], doc.createNode({ environment: 'ORACLE_TOKEN' })), true) },
  { name: 'x-marker', edit: (doc) => (doc.set('x-atelier', doc.createNode({ cible: 'swarm' })), true) },
  // Options the loader forbids before it validates.
  { name: 'mem-limit', edit: onFirst(['mem_limit'], '256m') },
  { name: 'extends', edit: onFirst(['extends'], { service: 'base' }) },
  { name: 'volumes-from', edit: onFirst(['volumes_from'], ['other']) },
  { name: 'cpu-shares', edit: onFirst(['cpu_shares'], 512) },
  // Options it accepts and ignores (a warning from `deploy`, nothing from `config`).
  { name: 'build', edit: onFirst(['build'], '.') },
  { name: 'container-name', edit: onFirst(['container_name'], 'fixed-name') },
  { name: 'restart', edit: onFirst(['restart'], 'unless-stopped') },
  { name: 'restart-no', edit: onFirst(['restart'], 'no') },
  { name: 'links', edit: onFirst(['links'], ['other']) },
  { name: 'network-mode', edit: onFirst(['network_mode'], 'host') },
  { name: 'security-opt', edit: onFirst(['security_opt'], ['no-new-privileges:true']) },
  {
    name: 'depends-on-list',
    edit: (doc, services) => services.length >= 2 && (doc.setIn(['services', services[0]!, 'depends_on'], doc.createNode([services[1]!])), true),
  },
  // deploy: right and wrong.
  { name: 'replicas-three', edit: onFirst(['deploy', 'replicas'], 3, (s) => !withDeploy(s) || !isMap(s.get('deploy')) || (s.get('deploy') as YAMLMap).get('mode') !== 'global') },
  { name: 'replicas-text', edit: onFirst(['deploy', 'replicas'], 'three') },
  { name: 'replica-typo', edit: onFirst(['deploy', 'replica'], 2) },
  { name: 'update-rollback', edit: onFirst(['deploy', 'update_config'], { parallelism: 1, order: 'start-first', failure_action: 'rollback', monitor: '30s' }) },
  { name: 'update-order-bad', edit: onFirst(['deploy', 'update_config'], { order: 'sideways' }) },
  { name: 'rollback-config', edit: onFirst(['deploy', 'rollback_config'], { parallelism: 0, order: 'stop-first' }) },
  { name: 'restart-policy', edit: onFirst(['deploy', 'restart_policy'], { condition: 'on-failure', max_attempts: 3 }) },
  { name: 'placement-constraint', edit: onFirst(['deploy', 'placement'], { constraints: ['node.role == manager'] }) },
  { name: 'placement-unknown-key', edit: onFirst(['deploy', 'placement'], { contraints: ['node.role == manager'] }) },
  { name: 'resources-limits', edit: onFirst(['deploy', 'resources'], { limits: { cpus: '0.5', memory: '128M' } }) },
  { name: 'deploy-mode-bad', edit: onFirst(['deploy', 'endpoint_mode'], 42) },
  // Ports.
  { name: 'port-host-mode', edit: onFirst(['ports'], [{ target: 80, published: 8080, mode: 'host' }]) },
  { name: 'port-published-text', edit: onFirst(['ports'], [{ target: 80, published: '8080' }]) },
  // An interpolated value is cast to the schema's type; a quoted literal is not.
  { name: 'port-published-variable', edit: onFirst(['ports'], [{ target: 80, published: '${ORACLE_PORT:-8080}' }]) },
  { name: 'replicas-variable', edit: onFirst(['deploy', 'replicas'], '${ORACLE_REPLICAS:-2}') },
  { name: 'port-unknown-key', edit: onFirst(['ports'], [{ target: 80, published: 8080, host_ip: '127.0.0.1' }]) },
  // Versions.
  { name: 'version-2', edit: (doc) => (doc.set('version', '2.4'), true) },
  { name: 'version-3-8', edit: (doc) => (doc.set('version', '3.8'), true) },
  // Top-level resources.
  { name: 'secret-file', edit: (doc) => (doc.setIn(['secrets', 'oracle_secret'], doc.createNode({ file: './oracle_secret.txt' })), true) },
  { name: 'config-external', edit: (doc) => (doc.setIn(['configs', 'oracle_config'], doc.createNode({ external: true })), true) },
  { name: 'network-unknown-key', edit: (doc) => (doc.setIn(['networks', 'oracle_net'], doc.createNode({ driver: 'overlay', enable_ipv6: true })), true) },
];

function bases(): [string, string][] {
  const real = readdirSync(basesDir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f): [string, string] => [f.replace(/\.yaml$/, ''), readFileSync(join(basesDir, f), 'utf8')]);
  const course = Object.entries(COURSE_BASES).map(([name, path]): [string, string] => [name, readFileSync(join(repo, path), 'utf8')]);
  return [...real, ...course].sort(([a], [b]) => a.localeCompare(b));
}

function main(): void {
  const cases: Record<string, SwarmCase> = {};
  for (const [base, text] of bases()) {
    for (const mutation of mutations) {
      const doc = parseDocument(text, { merge: true });
      const servicesNode = doc.get('services');
      const services = isMap(servicesNode) ? servicesNode.items.map((pair) => String((pair.key as { value?: unknown }).value ?? pair.key)) : [];
      if (!mutation.edit(doc, services)) continue;
      // The files a service's `env_file` names belong to the original project, not to this test: the loader
      // reads them, so each case gets empty ones and its verdict is about the stack file alone.
      const envFiles = services.flatMap((name) => {
        const envFile = doc.getIn(['services', name, 'env_file']);
        const paths = typeof envFile === 'string' ? [envFile] : isSeq(envFile) ? envFile.items.map((item) => String((item as { value?: unknown }).value ?? item)) : [];
        return paths.filter((path) => !path.startsWith('/') && !path.split('/').includes('..'));
      });
      cases[`${base}--${mutation.name}`] = { stack: mutation.name === 'original' ? text : doc.toString({ lineWidth: 0 }), envFiles: [...new Set(envFiles)] };
    }
  }
  writeFileSync(corpusFile, `${JSON.stringify({ cases }, null, 1)}\n`);
  console.log(`wrote ${Object.keys(cases).length} cases into ${corpusFile}`);
}

main();
