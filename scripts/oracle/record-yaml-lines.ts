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
  // The rarer corners of go-yaml's scanner and parser (directives, tags, block scalar headers, escapes,
  // flow collections, explicit keys, long keys), valid or not: the emulation must name what Compose names.
  'YAML directive': '%YAML 1.1\n---\nservices: {}\n',
  'YAML directive twice': '%YAML 1.1\n%YAML 1.1\n---\nservices: {}\n',
  'TAG directive and its handle': '%TAG !e! tag:example.com,2000:\n---\nservices: !e!map {}\n',
  'TAG directive twice': '%TAG !e! tag:a,2000:\n%TAG !e! tag:b,2000:\n---\nservices: {}\n',
  'unknown directive': '%FOO bar\n---\nservices: {}\n',
  'directive without a name': '%\n---\nservices: {}\n',
  'directive name with a dash': '%YA-ML 1.1\n---\nservices: {}\n',
  'directive without a document start': '%YAML 1.1\nservices: {}\n',
  'content after a document end': 'services: {}\n...\nx-a: b\n',
  'explicit document start and end': '---\nservices: {}\n...\n',
  'standard tag on a mapping': 'services: !!map {}\n',
  'undefined tag handle': 'services: !x!y {}\n',
  'verbatim tag not closed': 'services: !<tag:yaml.org,2002:map {}\n',
  'empty verbatim tag': 'services: !<> {}\n',
  'bad escape in a tag': 'services: !!%zz {}\n',
  'tag glued to a flow mapping': 'services: !foo{}\n',
  'non-specific tag': 'services: ! {}\n',
  'block scalar keeping its final lines': 'x-a: |+\n  a\n\nservices: {}\n',
  'block scalar with chomping then indentation': 'x-a: |-2\n    a\nservices: {}\n',
  'block scalar with indentation then chomping': 'x-a: |2-\n    a\nservices: {}\n',
  'block scalar with two digits': 'x-a: |10\n  a\nservices: {}\n',
  'block scalar with chomping then zero': 'x-a: |-0\n  a\nservices: {}\n',
  'block scalar indented with a tab': 'x-a: |\n\ta\nservices: {}\n',
  'block scalar header with a comment': 'x-a: | # comment\n  a\nservices: {}\n',
  'folded block scalar with blank lines': 'x-a: >-\n  a\n  b\n\n  c\nservices: {}\n',
  'block scalar then a less indented line': 'x-a: |\n  a\n b\nservices: {}\n',
  'short hexadecimal escape': 'x-a: "\\x4"\nservices: {}\n',
  'surrogate unicode escape': 'x-a: "\\uD800"\nservices: {}\n',
  'every escape form': 'x-a: "\\x41\\u00e9\\U0001F600\\t\\n\\0\\ \\/\\e\\N\\_\\L\\P"\nservices: {}\n',
  'escaped line break in double quotes': 'x-a: "a\\\n  b"\nservices: {}\n',
  'doubled quote in single quotes': "x-a: 'it''s'\nservices: {}\n",
  'multi-line single-quoted value': "x-a: 'a\n\n  b'\nservices: {}\n",
  'document end inside a quote': 'x-a: "a\n...\n"\nservices: {}\n',
  'flow mapping not closed at the end': 'services: {web: {image: nginx}\n',
  'flow mapping with a word after a value': 'services: {web: {image: nginx} x}\n',
  'flow mapping closed by a bracket': 'x-a: {a: b]\nservices: {}\n',
  'flow sequence closed by a brace': 'x-a: [a}\nservices: {}\n',
  'single pairs in a flow sequence': 'x-a: [a, b: c, {d: e}]\nservices: {}\n',
  'explicit keys in a flow mapping': 'x-a: {? a : b, ? c}\nservices: {}\n',
  'explicit key in a flow sequence': 'x-a: [? a : b]\nservices: {}\n',
  'flow mapping with a key alone': 'x-a: {a, b: c}\nservices: {}\n',
  'flow mapping with an empty key': 'x-a: { : b}\nservices: {}\n',
  'flow mapping key on two lines': 'x-a: {a\n  : b}\nservices: {}\n',
  'dash inside a flow sequence': 'x-a: [- a]\nservices: {}\n',
  'question mark after a key': 'x-a: ? b\nservices: {}\n',
  'explicit key at the top': '? x-a\n: b\nservices: {}\n',
  'explicit key holding a list': 'x-a:\n  ? - a\n  : b\nservices: {}\n',
  'key longer than 1024 characters': `x-${'k'.repeat(1100)}: v\nservices: {}\n`,
  'anchor and alias': 'x-a: &a [1]\nx-b: *a\nservices: {}\n',
  'alias without a name': 'x-a: *\nservices: {}\n',
  'anchor on an empty value': 'x-a: &a\nservices: {}\n',
  'tab inside a plain value': 'x-a: a\tb\nservices: {}\n',
  'plain value going on after a tab': 'x-a:\n  b\n\tc\nservices: {}\n',
  'Windows line ends': 'services:\r\n  web:\r\n    image: nginx\r\n   bad\r\n',
  'line separator inside a quote': 'x-a: "a\u2028b"\nservices: {}\n',
  'byte order mark': '\ufeffservices: {}\n',
  'nesting past go-yaml\'s limit': `x-a: ${'['.repeat(10_001)}\n`,
  'TAG directive for the primary handle': '%TAG ! tag:a,2000:\n---\nservices: {}\n',
  'TAG directive for the secondary handle': '%TAG !! tag:a,2000:\n---\nservices: {}\n',
  'TAG directive for the primary handle twice': '%TAG ! tag:a,2000:\n%TAG ! tag:b,2000:\n---\nservices: {}\n',
  'anchor then undefined tag handle': 'services: &a !x!y {}\n',
  'undefined tag handle then anchor': 'services: !x!y &a {}\n',
  'anchor then standard tag': 'services: &a !!map {}\n',
  'last low surrogate escape': 'x-a: "\\uDFFF"\nservices: {}\n',
  'first code point after the surrogates': 'x-a: "\\uE000"\nservices: {}\n',
  'last Unicode code point': 'x-a: "\\U0010FFFF"\nservices: {}\n',
  'code point past Unicode': 'x-a: "\\U00110000"\nservices: {}\n',
  'NUL escape': 'x-a: "\\x00"\nservices: {}\n',
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
