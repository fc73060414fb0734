// Checks the options of a psql, pg_dump, pg_restore, pg_isready, redis-cli,
// nginx or npm command against what the tool's own help lists, recorded in
// the images the stacks run (tests/oracle/tool-options/options.json,
// scripts/oracle/record-tool-options.ts): every option must be one the tool
// knows, and an option that takes a value gets one. The lessons' commands
// reach these tools inline (`psql -h 127.0.0.1`), through `docker compose
// exec SERVICE …` or its `sh -c '…'`, and in the healthchecks and Dockerfiles
// the lessons quote.
import { readFileSync } from 'node:fs';
import type { ToolGrammar, ToolOption, ToolTable } from '../oracle/record-tool-options.ts';
import { toolOptionsPath } from '../oracle/record-tool-options.ts';
import { shellCommands } from './shell-words.ts';

export function loadToolTable(): ToolTable {
  return JSON.parse(readFileSync(toolOptionsPath, 'utf8')) as ToolTable;
}

export const CHECKED_TOOLS = new Set(['psql', 'pg_dump', 'pg_restore', 'pg_isready', 'redis-cli', 'nginx', 'npm']);

function find(grammar: ToolGrammar, name: string, long: boolean): ToolOption | undefined {
  return grammar.options.find((option) => option.long === long && option.name === name);
}

/** npm reads `--no-x` as `--x=false` and the reverse, whichever of the two its help lists. */
function findNpm(grammar: ToolGrammar, name: string): ToolOption | undefined {
  return find(grammar, name, true) ?? find(grammar, name.replace(/^no-/, ''), true) ?? find(grammar, `no-${name}`, true);
}

/** What is wrong with one command's options (argv[0] the tool), or nothing. */
export function toolProblems(argv: readonly string[], table: ToolTable): string[] {
  const program = argv[0] ?? '';
  if (!CHECKED_TOOLS.has(program)) return [];
  let key = program;
  let start = 1;
  if (program === 'npm') {
    key = `npm ${argv[1] ?? ''}`;
    start = 2;
    if (!table.tools[key]) return [`${key} : commande npm absente de la table (scripts/oracle/record-tool-options.ts)`];
  }
  const grammar = table.tools[key]!;
  const problems: string[] = [];
  for (let i = start; i < argv.length; i += 1) {
    const word = argv[i]!;
    if (word === '--') break;
    if (!word.startsWith('-') || word === '-') {
      // redis-cli reads its options before the Redis command; the rest are that command's words.
      if (program === 'redis-cli') break;
      continue;
    }
    if (word.startsWith('--')) {
      const [name, attached] = [word.slice(2).split('=')[0]!, word.includes('=')];
      const option = program === 'npm' ? findNpm(grammar, name) : find(grammar, name, true);
      if (!option) {
        problems.push(`${key} : option inconnue --${name}`);
        continue;
      }
      if (option.value && !attached) {
        if (i + 1 >= argv.length) problems.push(`${key} : --${name} attend une valeur`);
        i += 1;
      }
      continue;
    }
    // Short options: grouped where the tool's parser allows it (`-tAc 'SELECT 1'`), a value attached or next.
    const letters = word.slice(1);
    for (let j = 0; j < letters.length; j += 1) {
      const option = find(grammar, letters[j]!, false);
      if (!option) {
        problems.push(`${key} : option inconnue -${letters[j]}${grammar.clusters || letters.length === 1 ? '' : ` (dans ${word} : ${program} ne groupe pas ses options)`}`);
        break;
      }
      if (!grammar.clusters && letters.length > 1) {
        problems.push(`${key} : ${word} : ${program} ne groupe pas ses options`);
        break;
      }
      if (option.value) {
        if (j === letters.length - 1) {
          if (i + 1 >= argv.length) problems.push(`${key} : -${letters[j]} attend une valeur`);
          i += 1;
        }
        break;
      }
    }
  }
  return problems;
}

/**
 * The tool commands of a shell line: its simple commands, their `$(…)`, and
 * the command a `sh -c '…'` runs, each as argv (quotes removed).
 */
export function toolCommands(text: string): string[][] {
  const found: string[][] = [];
  const visit = (line: string): void => {
    for (const command of shellCommands(line)) {
      for (const simple of [command, ...command.substitutions]) {
        const argv = simple.words.map((w) => w.text);
        found.push(argv);
        // `sh -c '…'` typed as such; inside `docker … exec SERVICE sh -c`, innerToolCommands reads it.
        if (/^(ba)?sh$/.test(argv[0] ?? '') && argv[1] === '-c' && argv[2]) visit(argv[2]);
      }
    }
  };
  visit(text);
  return found;
}

/** The tool commands inside a docker command: `docker compose exec db psql …`, `… exec cache sh -c '…'`. */
export function innerToolCommands(inner: readonly string[]): string[][] {
  if (inner.length === 0) return [];
  if (/^(ba)?sh$/.test(inner[0]!) && inner[1] === '-c' && inner[2]) return toolCommands(inner[2]);
  return [[...inner]];
}
