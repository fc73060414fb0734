// Parses a `docker …` command line the way the Docker CLI and Compose (Cobra
// and pflag) would, against the grammar recorded from the real tools
// (tests/oracle/docker-cli/commands.json, scripts/oracle/record-docker-cli.ts):
// the command path must exist, every flag must be one of that command's own
// flags (neither tool makes its root flags persistent: `docker compose up -f x`
// is refused), a flag that takes a value gets one (of the right kind for
// numbers and durations), and the positional arguments fill the slots of its
// usage line (`SERVICE COMMAND [ARGS...]`). After the slot where a container
// command begins (`exec`, `run`), the words belong to that command.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CliCommand, CliFlag, CliTable } from '../oracle/record-docker-cli.ts';

export const cliTablePath = fileURLToPath(new URL('../../tests/oracle/docker-cli/commands.json', import.meta.url));

export function loadCliTable(): CliTable {
  return JSON.parse(readFileSync(cliTablePath, 'utf8')) as CliTable;
}

export interface ParsedFlag {
  name: string;
  value?: string;
}

export interface ParsedCommand {
  /** The command path reached, `docker compose exec`. */
  path: string;
  /** Flags of each command along the path, by path. */
  flags: { path: string; flag: ParsedFlag }[];
  /** Positional arguments of the final command, each with the usage slot it fills (`SERVICE`), before any container command. */
  positionals: { text: string; slot: string }[];
  /** The container or inner command (`sh -c …` after `exec SERVICE`), when the usage has one. */
  inner: string[];
  problems: string[];
}

interface Slot {
  name: string;
  optional: boolean;
  variadic: boolean;
}

/** The positional slots of a usage line after the command path: `[OPTIONS] SERVICE COMMAND [ARGS...]`. */
export function usageSlots(usage: string): Slot[] {
  // The words of the command path are lowercase; the slots start at the first bracket or capital.
  // Alternatives (`PATH | URL | -`) are one slot.
  const tokens = usage.replace(/\s*\|\s*/g, '|').match(/\[[^\]]*\]|\S+/g) ?? [];
  const first = tokens.findIndex((token) => /^[[A-Z]/.test(token));
  return (first < 0 ? [] : tokens.slice(first))
    .filter((token) => token !== '[OPTIONS]')
    .map((token) => {
      const optional = token.startsWith('[');
      const name = token.replace(/^\[|\]$/g, '').replace(/\.\.\.$/, '').replace(/\|.*$/, '');
      return { name, optional, variadic: token.includes('...') };
    });
}

const INT = /^-?\d+$/;
// Go's time.ParseDuration.
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$|^0$/;

function checkValue(flag: CliFlag, value: string, problems: string[], display: string): void {
  if (flag.value === 'int' || flag.value === 'uint' || flag.value === 'int64') {
    if (!INT.test(value)) problems.push(`${display} attend un nombre entier, pas « ${value} »`);
  } else if (flag.value === 'duration') {
    if (!DURATION.test(value)) problems.push(`${display} attend une durée Go (10s, 1m30s), pas « ${value} »`);
  }
}

/** A word whose value the shell or the reader supplies: `$VAR`, `$(…)`, `<service>`, `…`. */
export const placeholder = (word: string): boolean => /^<[^>]+>$|…/.test(word);

export function parseDocker(argv: readonly string[], table: CliTable, options: { dynamic?: readonly boolean[] } = {}): ParsedCommand {
  const problems: string[] = [];
  const flags: ParsedCommand['flags'] = [];
  const positionals: ParsedCommand['positionals'] = [];
  const aliases = new Map<string, string>();
  for (const [key, command] of Object.entries(table.commands)) for (const alias of command.aliases) if (alias !== key) aliases.set(alias, key);

  if (argv[0] !== 'docker') return { path: argv[0] ?? '', flags, positionals, inner: [], problems: ['pas une commande docker'] };
  let path = 'docker';
  let command: CliCommand = table.commands[path]!;
  let slots = usageSlots(command.usage);
  let inner: string[] = [];
  let flagsDone = false;

  const find = (name: string, short: boolean): CliFlag | undefined => command.flags.find((f) => (short ? f.short === name : f.long === name));

  for (let i = 1; i < argv.length; i += 1) {
    const word = argv[i]!;
    const dynamic = options.dynamic?.[i] === true;
    if (!flagsDone && word === '--') {
      flagsDone = true;
      continue;
    }
    if (!flagsDone && word.startsWith('--') && word.length > 2) {
      const [name, value] = word.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      const flag = find(name, false);
      if (!flag) {
        problems.push(`${path} : option inconnue --${name}`);
        continue;
      }
      if (flag.value === undefined) {
        if (value !== undefined && !/^(true|false)$/.test(value)) problems.push(`${path} : --${name} n’accepte que true ou false`);
        flags.push({ path, flag: { name: flag.long } });
      } else {
        const given = value ?? argv[++i];
        if (given === undefined) problems.push(`${path} : --${name} attend une valeur`);
        else {
          if (!dynamic && !placeholder(given)) checkValue(flag, given, problems, `${path} --${name}`);
          flags.push({ path, flag: { name: flag.long, value: given } });
        }
      }
      continue;
    }
    if (!flagsDone && word.startsWith('-') && word.length > 1 && !/^-\d/.test(word)) {
      // A cluster of short flags: `-it`, `-qO-` is not docker's; the first taking a value ends it.
      for (let k = 1; k < word.length; k += 1) {
        const letter = word[k]!;
        const flag = find(letter, true);
        if (!flag) {
          problems.push(`${path} : option inconnue -${letter}`);
          break;
        }
        if (flag.value === undefined) {
          flags.push({ path, flag: { name: flag.long } });
          continue;
        }
        const rest = word.slice(k + 1).replace(/^=/, '');
        const given = rest !== '' ? rest : argv[++i];
        if (given === undefined) problems.push(`${path} : -${letter} attend une valeur`);
        else {
          checkValue(flag, given, problems, `${path} -${letter}`);
          flags.push({ path, flag: { name: flag.long, value: given } });
        }
        break;
      }
      continue;
    }
    // A positional: a subcommand while the command groups others.
    if (command.subcommands.length > 0 && positionals.length === 0) {
      const next = `${path} ${word}`;
      const key = table.commands[next] ? next : aliases.get(next);
      if (key && table.commands[key]) {
        path = key;
        command = table.commands[key]!;
        slots = usageSlots(command.usage);
        continue;
      }
      problems.push(`${path} : commande inconnue « ${word} »`);
      break;
    }
    const last = slots.at(-1);
    const slot = slots[positionals.length] ?? (last?.variadic ? last : undefined);
    if (!slot) {
      problems.push(`${path} : argument en trop « ${word} »`);
      continue;
    }
    if (/^(COMMAND|ARG|ARGS)$/.test(slot.name)) {
      inner = argv.slice(i);
      break;
    }
    positionals.push({ text: word, slot: slot.name });
    // Commands that run another command (`exec SERVICE COMMAND`, `run IMAGE [COMMAND]`) stop reading
    // their own flags once the slots before it are filled: `run psql -c '…'` hands `-c` to psql.
    const following = slots[positionals.length];
    if (following && /^(COMMAND|ARG|ARGS)$/.test(following.name)) {
      inner = argv.slice(i + 1);
      break;
    }
  }

  if (command.subcommands.length > 0) {
    if (path !== 'docker') problems.push(`${path} : il manque la sous-commande`);
    return { path, flags, positionals, inner, problems };
  }
  const filled = positionals.length + (inner.length > 0 ? 1 : 0);
  const required = slots.filter((slot) => !slot.optional).length;
  if (filled < required) problems.push(`${path} : il manque ${slots.filter((s) => !s.optional).slice(filled).map((s) => s.name).join(' ')}`);
  return { path, flags, positionals, inner, problems };
}
