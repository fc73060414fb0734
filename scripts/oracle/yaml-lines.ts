// Differential harness (not in CI): where does Compose 2.40.3 (go-yaml v3)
// say a YAML syntax error is, and where does the engine say it is?
// Mutates the course's own compose files (dedent/indent a line, delete a
// colon, unclose a quote or a bracket, insert a tab, duplicate a dash), runs
// the real `docker compose config -q` on each (cached in .cache/), and prints
// the line agreement (± 1) of eemeli/yaml's first error (before) and of the
// engine's yaml-syntax diagnostic (after).
//   node scripts/oracle/yaml-lines.ts [--limit N] [--show N] [--cached] [--extra DIR [--only-extra]]
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkProject } from '../../src/engine/check.ts';
import { goYamlError } from '../../src/engine/yaml/go-yaml-line.ts';
import { parseYaml } from '../../src/engine/yaml/parse-yaml.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const cacheFile = join(repo, '.cache/yaml-lines/verdicts.json');
const args = process.argv.slice(2);
const option = (name: string, fallback: number): number => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};

function sources(): { name: string; text: string }[] {
  const found: { name: string; text: string }[] = [];
  const add = (path: string, name: string): void => void found.push({ name, text: readFileSync(path, 'utf8') });
  const onlyExtra = args.includes('--only-extra');
  const lessons = join(repo, onlyExtra ? '.cache/none' : 'src/content/lessons');
  for (const lesson of existsSync(lessons) ? readdirSync(lessons).sort() : []) {
    const dir = join(lessons, lesson, 'solution');
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.ya?ml$/.test(f)) add(join(dir, f), `lesson/${lesson}/${f}`);
  }
  const stacks = join(repo, 'stacks');
  for (const stack of onlyExtra ? [] : readdirSync(stacks).sort()) {
    const dir = join(stacks, stack);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) if (/^compose.*\.ya?ml$/.test(f)) add(join(dir, f), `stack/${stack}/${f}`);
  }
  const bases = join(repo, 'tests/oracle/compose/bases');
  for (const base of onlyExtra ? [] : readdirSync(bases).sort()) {
    for (const f of readdirSync(join(bases, base)).sort()) if (/\.ya?ml$/.test(f)) add(join(bases, base, f), `base/${base}/${f}`);
  }
  // `--extra DIR`: more compose files (e.g. real-world ones kept out of the repository).
  const extra = args.indexOf('--extra');
  if (extra >= 0 && args[extra + 1]) {
    const dir = args[extra + 1]!;
    for (const f of readdirSync(dir).sort()) if (/\.ya?ml$/.test(f)) add(join(dir, f), `extra/${f}`);
  }
  return found;
}

type Mutation = { name: string; text: string };

/** Every mutation of every line of a file, in a stable order. */
function mutations(text: string): Mutation[] {
  const lines = text.split('\n');
  const out: Mutation[] = [];
  const withLine = (i: number, line: string, name: string): void => {
    if (line === lines[i]) return;
    const copy = lines.slice();
    copy[i] = line;
    out.push({ name: `${name}@${i + 1}`, text: copy.join('\n') });
  };
  lines.forEach((line, i) => {
    if (!line.trim() || line.trim().startsWith('#')) return;
    const indent = line.length - line.trimStart().length;
    if (indent >= 1) withLine(i, line.slice(1), 'dedent1');
    if (indent >= 2) withLine(i, line.slice(2), 'dedent2');
    withLine(i, ` ${line}`, 'indent1');
    withLine(i, `  ${line}`, 'indent2');
    withLine(i, line.replace(/:(\s|$)/, '$1'), 'nocolon');
    withLine(i, line.replace(/:(\s|$)/, ':$1"'), 'openquote');
    const lastQuote = Math.max(line.lastIndexOf('"'), line.lastIndexOf("'"));
    if (lastQuote > 0) withLine(i, line.slice(0, lastQuote) + line.slice(lastQuote + 1), 'unclosequote');
    withLine(i, line.replace(/:(\s+)(\S)/, ':$1[$2'), 'openbracket');
    const close = Math.max(line.lastIndexOf(']'), line.lastIndexOf('}'));
    if (close > 0) withLine(i, line.slice(0, close) + line.slice(close + 1), 'unclosebracket');
    withLine(i, `\t${line.trimStart()}`, 'tab');
    withLine(i, `${' '.repeat(indent)}\t${line.trimStart()}`, 'tabafter');
    withLine(i, line.replace(/^(\s*)- /, '$1- - '), 'dashdash');
    withLine(i, line.replace(/^(\s*)- /, '$1-- '), 'dashes');
    withLine(i, line.replace(/^(\s*)- /, '$1'), 'nodash');
    withLine(i, `${line}:`, 'colonend');
    if (i + 1 < lines.length) withLine(i, `${line} ${lines[i + 1]!.trim()}`, 'joinnext');
    out.push({ name: `deleteline@${i + 1}`, text: lines.filter((_, k) => k !== i).join('\n') });
    // Two mistakes at once: which one does each parser name first?
    const j = (i * 7 + 3) % lines.length;
    if (j !== i && lines[j]!.trim() && indent >= 1) {
      const copy = lines.slice();
      copy[i] = line.slice(1);
      copy[j] = copy[j]!.replace(/:(\s|$)/, ':$1"');
      out.push({ name: `pair@${i + 1}+${j + 1}`, text: copy.join('\n') });
    }
    if (indent >= 1) {
      const copy = lines.slice();
      copy[i] = line.slice(1);
      out.push({ name: `crlf-dedent1@${i + 1}`, text: copy.join('\r\n') });
    }
  });
  return out;
}

interface Verdict {
  code: number;
  line?: number;
  problem?: string;
  message: string;
}

function composeBinary(): string {
  const rootfs = execFileSync('bash', [join(repo, 'scripts/ci/rootfs.sh'), 'forky', 'docker-compose'], { encoding: 'utf8' }).trim();
  return join(rootfs, 'usr/libexec/docker/cli-plugins/docker-compose');
}

function run(binary: string, text: string): Promise<Verdict> {
  const dir = mkdtempSync(join(tmpdir(), 'yaml-lines-'));
  writeFileSync(join(dir, 'compose.yaml'), text);
  return new Promise((resolve) => {
    const child = spawn(binary, ['config', '-q'], { cwd: dir, env: { HOME: '/nonexistent', PATH: '/usr/bin:/bin' } });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', (code) => {
      rmSync(dir, { recursive: true, force: true });
      const message = out.split(dir).join('.').trim();
      const m = /yaml: line (\d+): ([^\n]*)/.exec(message);
      resolve({ code: code ?? -1, message, ...(m ? { line: Number(m[1]), problem: m[2]! } : {}) });
    });
  });
}

const hash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 20);

async function main(): Promise<void> {
  const cache: Record<string, Verdict> = existsSync(cacheFile) ? JSON.parse(readFileSync(cacheFile, 'utf8')) : {};
  const all: (Mutation & { file: string })[] = [];
  for (const source of sources()) for (const m of mutations(source.text)) all.push({ ...m, file: source.name });
  // A stable sample, spread over every file and mutation kind.
  const limit = option('--limit', 6000);
  const step = Math.max(1, all.length / limit);
  const cases = all.filter((_, i) => Math.floor(i / step) !== Math.floor((i - 1) / step) || i === 0).slice(0, limit);
  const missing = args.includes('--cached') ? [] : cases.filter((c) => !cache[hash(c.text)]);
  if (missing.length) {
    const binary = composeBinary();
    let done = 0;
    const queue = [...missing];
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          cache[hash(c.text)] = await run(binary, c.text);
          if (++done % 500 === 0) {
            console.error(`${done}/${missing.length}`);
            mkdirSync(join(repo, '.cache/yaml-lines'), { recursive: true });
            writeFileSync(cacheFile, JSON.stringify(cache));
          }
        }
      }),
    );
    mkdirSync(join(repo, '.cache/yaml-lines'), { recursive: true });
    writeFileSync(cacheFile, JSON.stringify(cache));
  }
  let yamlCases = 0;
  let before = 0;
  let after = 0;
  let emulated = 0;
  let problems = 0;
  let engineFound = 0;
  const misses: string[] = [];
  const byKind: Record<string, { cases: number; before: number; after: number }> = {};
  let decodeErrors = 0;
  let emulatorFalse = 0;
  let engineOnly = 0;
  for (const c of cases) {
    const v = cache[hash(c.text)];
    if (!v) continue;
    if (v.line === undefined) {
      // No `yaml: line N` from Compose: the emulator must see no syntax error either.
      const go = goYamlError(c.text);
      if (go && !/(^|\s)yaml: /.test(v.message)) {
        emulatorFalse++;
        misses.push(`${c.file} ${c.name}: compose has no YAML error (${v.message.split('\n')[0]}), emulator line ${go.line} "${go.problem}"`);
      }
      if (!/(^|\s)yaml: /.test(v.message) && checkProject([{ path: 'compose.yaml', text: c.text }]).diagnostics.some((d) => d.ruleId === 'yaml-syntax' && d.severity === 'error')) engineOnly++;
      continue;
    }
    // `mapping key "x" already defined at line N`: a decoding error, not a syntax one (no emulation needed).
    if (/already defined/.test(v.problem ?? '')) decodeErrors++;
    yamlCases++;
    const near = (line: number | undefined): boolean => line !== undefined && Math.abs(line - v.line!) <= 1;
    // As the compose agreement test does: some YAML diagnostic at the tool's line (± 1); Compose names only its first error.
    const issues = parseYaml({ path: 'compose.yaml', text: c.text })
      .flatMap((d) => d.issues)
      .filter((i) => i.severity === 'error');
    const diagnostics = checkProject([{ path: 'compose.yaml', text: c.text }]).diagnostics.filter((d) => d.ruleId === 'yaml-syntax');
    const first = issues.find((i) => near(i.range.start.line)) ?? issues[0];
    const diagnostic = diagnostics.find((d) => near(d.range.start.line)) ?? diagnostics[0];
    const go = goYamlError(c.text);
    if (diagnostic) engineFound++;
    const kind = c.name.replace(/@.*/, '');
    const k = (byKind[kind] ??= { cases: 0, before: 0, after: 0 });
    k.cases++;
    if (near(first?.range.start.line)) k.before++;
    if (near(diagnostic?.range.start.line)) k.after++;
    if (near(first?.range.start.line)) before++;
    if (near(diagnostic?.range.start.line)) after++;
    else misses.push(`${c.file} ${c.name}: compose line ${v.line} "${v.problem}", engine's yaml-syntax at ${diagnostic?.range.start.line ?? 'none'} (${diagnostic?.messageId ?? '-'}), emulator ${go ? `line ${go.line}` : 'none'}`);
    if (go?.line === v.line && !/already defined/.test(v.problem ?? '')) emulated++;
    if (go?.problem === v.problem) problems++;
    if (/already defined/.test(v.problem ?? '')) continue;
    if (go?.line !== v.line || go?.problem !== v.problem)
      misses.push(`${c.file} ${c.name}: compose line ${v.line} "${v.problem}", emulator ${go ? `line ${go.line} "${go.problem}"` : 'none'}, engine ${diagnostic?.range.start.line ?? '-'}`);
  }
  const pct = (n: number): string => `${((100 * n) / Math.max(1, yamlCases)).toFixed(1)} %`;
  console.log(`${cases.length} mutations of ${sources().length} files; ${yamlCases} with a "yaml: line N" error from Compose`);
  console.log(`engine reports yaml-syntax on ${engineFound} of them`);
  console.log(`before (eemeli/yaml's first error, line ± 1): ${before}/${yamlCases} = ${pct(before)}`);
  console.log(`after (engine's yaml-syntax diagnostic, line ± 1): ${after}/${yamlCases} = ${pct(after)}`);
  const syntax = yamlCases - decodeErrors;
  const pctOf = (n: number, total: number): string => `${((100 * n) / Math.max(1, total)).toFixed(1)} %`;
  console.log(`emulator on the ${syntax} syntax errors (the ${decodeErrors} duplicate-key errors left out): exact line ${emulated}/${syntax} = ${pctOf(emulated, syntax)}; exact problem text ${problems}/${syntax} = ${pctOf(problems, syntax)}`);
  console.log(`emulator reports an error Compose does not: ${emulatorFalse}; engine reports yaml-syntax where Compose has no YAML error: ${engineOnly}`);
  console.log(`by mutation (cases: before → after): ${Object.entries(byKind).map(([k, v]) => `${k} ${v.cases}: ${v.before} → ${v.after}`).join('; ')}`);
  const show = option('--show', 30);
  for (const m of misses.slice(0, show)) console.log(`  ${m}`);
}

await main();
