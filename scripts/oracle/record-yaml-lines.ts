// Records the line and problem `docker compose config -q` (Compose 2.40.3,
// go-yaml v3) prints for small broken compose files, into
// src/engine/yaml/fixtures/go-yaml-lines.json (the unit test table of
// src/engine/yaml/go-yaml-line.test.ts). The snippets are ours; the
// expected lines come from the real tool, never written by hand.
//   node scripts/oracle/record-yaml-lines.ts
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const output = join(repo, 'src/engine/yaml/fixtures/go-yaml-lines.json');

/** name → compose file text (each one a mistake people make). */
const snippets: Record<string, string> = {
  'list item dedented by one space': 'services:\n  test1:\n    pull_policy: build\n    command:\n      - echo\n     - "test 1 success"\n',
  'list item dedented by two spaces': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80"\n    - "443:443"\n',
  'list item indented by one space': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80"\n       - "443:443"\n',
  'key dedented by one space': 'services:\n  web:\n    image: nginx:1.30-alpine\n   restart: always\n',
  'key indented by one space': 'services:\n  web:\n    image: nginx:1.30-alpine\n     restart: always\n',
  'key indented by two spaces': 'services:\n  web:\n    image: nginx:1.30-alpine\n      restart: always\n',
  'key after a list dedented': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80"\n   restart: always\n',
  'service dedented by one space': 'services:\n  web:\n    image: nginx:1.30-alpine\n api:\n    image: node:24-alpine\n',
  'top-level key indented': 'services:\n  web:\n    image: nginx:1.30-alpine\n volumes:\n  data:\n',
  'missing colon after a key': 'services:\n  web:\n    image nginx:1.30-alpine\n    restart: always\n',
  'missing colon after a parent key': 'services:\n  web\n    image: nginx:1.30-alpine\n',
  'missing colon at the end of the file': 'services:\n  web:\n    image: nginx:1.30-alpine\n    restart\n',
  'missing space after colon': 'services:\n  web:\n    image:nginx:1.30-alpine\n    restart: always\n',
  'value on two levels (mapping values)': 'services:\n  web:\n    image: nginx: 1.30-alpine\n',
  'unclosed double quote': 'services:\n  web:\n    image: "nginx:1.30-alpine\n    restart: always\n',
  'unclosed single quote': "services:\n  web:\n    image: 'nginx:1.30-alpine\n    restart: always\n",
  'unclosed quote in a list': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports:\n      - "80:80\n      - "443:443"\n',
  'text after a closing quote': 'services:\n  web:\n    image: "nginx":1.30-alpine\n',
  'unclosed flow sequence': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm", "start"\n    restart: always\n',
  'unclosed flow sequence at the end': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm", "start"\n',
  'unclosed flow mapping': 'services:\n  web:\n    image: nginx:1.30-alpine\n    labels: {a: b\n    restart: always\n',
  'missing comma in a flow sequence': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm" "start"]\n',
  'extra closing bracket': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm", "start"]]\n',
  'tab before a key': 'services:\n  web:\n\timage: nginx:1.30-alpine\n',
  'tab after the indentation': 'services:\n  web:\n    image: nginx:1.30-alpine\n    \trestart: always\n',
  'tab in a list item indentation': 'services:\n  web:\n    ports:\n\t- "80:80"\n',
  'double dash list item': 'services:\n  web:\n    ports:\n      -- "80:80"\n    restart: always\n',
  'list item after a scalar value': 'services:\n  web:\n    image: nginx:1.30-alpine\n    ports: "80:80"\n      - "443:443"\n',
  'list item on the key line': 'services:\n  web:\n    ports: - "80:80"\n',
  'plain text line inside a mapping': 'services:\n  web:\n    image: nginx:1.30-alpine\n    restart always\n    init: true\n',
  'unclosed quote in a deep key': 'services:\n  web:\n    image: nginx:1.30-alpine\n    environment:\n      A: "1\n      B: "2"\n',
  'block scalar with a bad indentation indicator': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: |0\n      echo\n',
  'block scalar header followed by text': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: | echo\n',
  'anchor without a name': 'x-common: & \n  restart: always\nservices:\n  web:\n    image: nginx:1.30-alpine\n',
  'unknown escape in double quotes': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: "C:\\dossier"\n',
  'reserved character at a value start': 'services:\n  web:\n    image: @nginx\n',
  'backtick at a value start': 'services:\n  web:\n    image: `nginx`\n',
  'dedented list of the first key': 'services:\n  web:\n    ports:\n    - "80:80"\n   - "443:443"\n',
  'indentless list then a deeper key': 'services:\n  web:\n    ports:\n    - "80:80"\n      restart: always\n',
  'key inside a list item dedented': 'services:\n  web:\n    volumes:\n      - type: bind\n       source: ./data\n',
  'key inside a list item indented': 'services:\n  web:\n    volumes:\n      - type: bind\n          source: ./data\n',
  'second document indented': 'services:\n  web:\n    image: nginx:1.30-alpine\n---\n  volumes: {}\n',
  'document marker inside a quote': 'services:\n  web:\n    image: "nginx\n---\n',
  'multi-line plain value then a key': 'services:\n  web:\n    image: nginx\n      :1.30-alpine\n    restart: always\n',
  'control character in a value': 'services:\n  web:\n    image: "nginx\u0001"\n',
  'control character after a mistake in the same 512 bytes': `services:\n${Array.from({ length: 100 }, (_, i) => `  s${i}:\n    image: x\n`).join('')}  bad\n  zz: "\u0001"\n`,
  'control character far after a mistake': `services:\n  bad\n${Array.from({ length: 100 }, (_, i) => `  s${i}:\n    image: x\n`).join('')}  zz: "\u0001"\n`,
  'flow sequence followed by a colon': 'services:\n  web:\n    image: nginx:1.30-alpine\n    command: ["npm", "start"]:\n',
  'anchor name followed by a colon': 'x-logging: &default-logging:\n  driver: json-file\nservices:\n  web:\n    image: nginx:1.30-alpine\n    logging: *default-logging\n',
  'comment without a space before': 'services:\n  web:\n    image: nginx:1.30-alpine#comment\n    ports: [80]#x\n',
};

const rootfs = execFileSync('bash', [join(repo, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
const binary = join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
const version = execFileSync(binary, ['version', '--short'], { encoding: 'utf8', env: {} }).trim();
const cases = Object.entries(snippets).map(([name, yaml]) => {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-line-'));
  writeFileSync(join(dir, 'compose.yaml'), yaml);
  const run = spawnSync(binary, ['config', '-q'], { cwd: dir, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
  rmSync(dir, { recursive: true, force: true });
  const message = `${run.stdout}${run.stderr}`.split(dir).join('.').trim();
  const m = /(?:^|\s)yaml: (?:line (\d+): )?([^\n]*)/.exec(message);
  return { name, yaml, status: run.status, line: m?.[1] ? Number(m[1]) : null, problem: m ? m[2] : null, message };
});
writeFileSync(output, `${JSON.stringify({ tool: `docker compose ${version}`, command: 'docker compose config -q', cases }, null, 2)}\n`);
console.log(`recorded ${cases.length} cases with docker compose ${version} into ${output}`);
for (const c of cases) console.log(`${c.status} line ${c.line}: ${c.problem ?? c.message.split('\n')[0]}  (${c.name})`);
