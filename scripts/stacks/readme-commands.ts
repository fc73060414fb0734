// The commands a stack README tells the learner to type, in order, as written,
// for the doc-test step of tests/stacks/stacks.test.ts. The harness runs them
// against the stack under test. A command that never returns on its own (it
// follows logs, stays in the foreground, watches files) runs too, and is
// interrupted as the learner would, with Ctrl+C, once it has shown it works;
// what cannot run is listed with its reason, so a skipped command is a
// decision, not an accident.

export interface ReadmeCommand {
  /** As the README writes it, comment removed. */
  text: string;
  /** The comment after it, if any (`# 200 : le repli SPA`). */
  comment: string;
  /** 1-based line of the command in the README. */
  line: number;
  /** Why the harness does not run it, when it does not. */
  skip?: string;
  /** Why it never returns on its own: the harness runs it, then sends it Ctrl+C (SIGINT). */
  interrupt?: string;
  /** What the comment says the command prints, when the harness can check it. */
  expect?: { status?: number; empty?: boolean; fails?: boolean; contains?: string; /** A regular expression (multiline) the output matches. */ matches?: string };
}

/** Commands that never return on their own: they follow or watch until Ctrl+C. */
const NEVER_RETURNS: [RegExp, string][] = [
  [/\blogs\b.*\s(-f|--follow)\b/, 'suit les journaux jusqu’à Ctrl+C'],
  [/\bcompose\b.*\swatch\b/, 'surveille les fichiers jusqu’à Ctrl+C (prouvé par le test « docker compose watch » de la pile 10)'],
  [/\bup\b(?!.*(\s-d\b|--detach|--wait))/, 'reste au premier plan jusqu’à Ctrl+C'],
];

/** Why a command does not return on its own, if it does not. */
export function neverReturns(text: string): string | undefined {
  return NEVER_RETURNS.find(([pattern]) => pattern.test(text))?.[1];
}

/** Splits a shell line into the command and its trailing comment (a `#` outside quotes, after a space). */
export function splitComment(line: string): { text: string; comment: string } {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '#' && (i === 0 || /\s/.test(line[i - 1]!))) return { text: line.slice(0, i).trimEnd(), comment: line.slice(i + 1).trim() };
  }
  return { text: line.trimEnd(), comment: '' };
}

function expectation(comment: string): ReadmeCommand['expect'] {
  const status = /^(\d{3})\b/.exec(comment)?.[1];
  if (status) return { status: Number(status) };
  if (/aucune sortie|ne dit rien/i.test(comment)) return { empty: true };
  const expected: NonNullable<ReadmeCommand['expect']> = {};
  if (/(?<!\p{L})(échoue|refuse)(?!\p{L})/iu.test(comment)) expected.fails = true;
  // « … » after « est » or a colon is what the command prints: `: « permission denied »`.
  const printed = /(?:\best|:)\s*«\s*([^»]+?)\s*»/.exec(comment)?.[1];
  if (printed) {
    expected.contains = printed;
    if (/permission denied|not found|refus/i.test(printed)) expected.fails = true;
  }
  return Object.keys(expected).length > 0 ? expected : undefined;
}

/**
 * The commands of one shell block, in order: `lines` are the block's lines,
 * `firstLine` the 1-based line of the first one in its file. A trailing `\\`
 * continues a command; a comment alone on the line above speaks about it.
 */
export function blockCommands(lines: readonly string[], firstLine: number): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  let pending: { text: string; line: number } | undefined;
  // A comment line just above a command speaks about it (`# la commande échoue`).
  let above = '';
  lines.forEach((raw, index) => {
    const { text, comment } = splitComment(raw);
    if (pending) {
      pending.text += `\n${text}`;
    } else {
      if (text.trim() === '') {
        above = comment;
        return;
      }
      pending = { text, line: firstLine + index };
    }
    if (text.endsWith('\\')) return;
    const command: ReadmeCommand = { text: pending.text, comment: comment || above, line: pending.line };
    above = '';
    const never = neverReturns(command.text);
    if (never) command.interrupt = never;
    const expected = expectation(command.comment);
    if (expected) command.expect = expected;
    commands.push(command);
    pending = undefined;
  });
  return commands;
}

/** Every command of the README's ```sh blocks, in order. */
export function readmeCommands(markdown: string): ReadmeCommand[] {
  const commands: ReadmeCommand[] = [];
  const lines = markdown.split('\n');
  let block: { lines: string[]; first: number } | undefined;
  lines.forEach((raw, index) => {
    const fence = /^```(\w*)/.exec(raw);
    if (fence) {
      if (block) commands.push(...blockCommands(block.lines, block.first));
      block = !block && fence[1] === 'sh' ? { lines: [], first: index + 2 } : undefined;
      return;
    }
    block?.lines.push(raw);
  });
  return commands;
}

/**
 * The learner's values replaced by the harness's: host ports the test
 * allocated, placeholders the text shows (a backup file name), the project
 * name a network is prefixed with (the folder's name for the learner, the
 * test's own name here). The text keeps its placeholders; only the command run
 * changes.
 */
export function substitute(
  text: string,
  values: { httpPort: number; httpsPort: number; dbPort: number; latestDump?: string; project?: { written: string; running: string } },
): string {
  let result = text
    .replace(/localhost:8080\b/g, `localhost:${values.httpPort}`)
    .replace(/localhost:3000\b/g, `localhost:${values.httpPort}`)
    .replace(/localhost:8443\b/g, `localhost:${values.httpsPort}`)
    .replace(/(psql -h 127\.0\.0\.1)(?! -p)/g, `$1 -p ${values.dbPort}`);
  if (values.latestDump) result = result.replace(/\/backups\/atelier-AAAAMMJJTHHMMSSZ\.dump/g, values.latestDump);
  if (values.project) result = result.replaceAll(`${values.project.written}_`, `${values.project.running}_`);
  return result;
}
