// The simple commands of a shell line as the lessons write them: words with
// their quotes removed, `$(…)` substitutions parsed in turn, and the
// operators (`&&`, `||`, `|`, `;`) and redirections (`> /dev/null`, `2>&1`)
// that separate or follow them. Written here rather than taken from npm:
// the lessons' commands are one-liners, and `shell-quote`, the common choice,
// does not parse `$(…)` either; a full parser (mvdan/sh in WebAssembly) would
// be a heavy dependency for a few dozen lines.

export interface ShellWord {
  /** The word as the command receives it: quotes removed, escapes resolved, `$(…)` and variables kept as written. */
  text: string;
  /** The word holds a variable or a substitution whose value only the shell knows. */
  dynamic: boolean;
}

export interface SimpleCommand {
  words: ShellWord[];
  /** The commands inside its `$(…)` substitutions. */
  substitutions: SimpleCommand[];
}

/** The end of a `$(…)` starting at `open` (the index of `(`), counting nested parentheses outside quotes. */
function closing(text: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < text.length; i += 1) {
    const char = text[i];
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') i += 1;
    } else if (char === "'" || char === '"') quote = char;
    else if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  throw new Error(`unclosed $( in: ${text}`);
}

/** Splits a shell line (continuations `\` + line end allowed) into its simple commands, in order. */
export function shellCommands(line: string): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let words: ShellWord[] = [];
  let substitutions: SimpleCommand[] = [];
  let word: ShellWord | undefined;
  let redirectTarget = false;
  const endWord = (): void => {
    if (word) {
      if (redirectTarget) redirectTarget = false;
      else words.push(word);
    }
    word = undefined;
  };
  const endCommand = (): void => {
    endWord();
    if (words.length > 0) commands.push({ words, substitutions });
    words = [];
    substitutions = [];
  };
  const add = (text: string, dynamic = false): void => {
    word ??= { text: '', dynamic: false };
    word.text += text;
    if (dynamic) word.dynamic = true;
  };
  const substitution = (at: number): number => {
    const end = closing(line, at + 1);
    const inner = line.slice(at + 2, end);
    substitutions.push(...shellCommands(inner));
    add(line.slice(at, end + 1), true);
    return end;
  };

  for (let i = 0; i < line.length; i += 1) {
    const char = line[i]!;
    if (char === '\\') {
      if (line[i + 1] === '\n') i += 1;
      else {
        add(line[i + 1] ?? '');
        i += 1;
      }
    } else if (char === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      add(line.slice(i + 1, end));
      i = end;
    } else if (char === '"') {
      add('');
      for (i += 1; i < line.length && line[i] !== '"'; i += 1) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) add(line[++i]!);
        else if (line[i] === '$' && line[i + 1] === '(') i = substitution(i);
        else if (line[i] === '$') add('$', true);
        else add(line[i]!);
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
    } else if (char === '$' && line[i + 1] === '(') {
      i = substitution(i);
    } else if (char === '$') {
      add('$', true);
    } else if (/\s/.test(char)) {
      endWord();
    } else if (char === '&' || char === '|' || char === ';') {
      endCommand();
      if (line[i + 1] === char) i += 1;
    } else if (char === '<' && /^<[\w-]+>/.test(line.slice(i))) {
      // A placeholder the reader replaces (`exec <service> which curl`), not a redirection.
      const end = line.indexOf('>', i);
      add(line.slice(i, end + 1));
      i = end;
    } else if (char === '>' || char === '<') {
      // `2>&1`, `> file`, `>> file`: the file descriptor before it is not a word, the target is not one either.
      if (word && /^\d$/.test(word.text)) word = undefined;
      endWord();
      if (line[i + 1] === '>') i += 1;
      if (line[i + 1] === '&') {
        i += 1;
        while (/\d/.test(line[i + 1] ?? '')) i += 1;
      } else redirectTarget = true;
    } else {
      add(char);
    }
  }
  endCommand();
  return commands;
}
