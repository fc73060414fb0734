import { parseArgs } from 'node:util';
import { checkProject } from '../engine/check.ts';
import { catalogue } from '../engine/rules/catalogue.ts';
import { collectFiles } from './collect-files.ts';
import { formatText, ruleUrl } from './format-text.ts';

/** Where rule pages live when the caller does not say; instructors pass their own deployment. */
export const DEFAULT_DOCS_BASE = 'https://atelier-compose.example/';

const USAGE = `Usage :
  atelier-compose check <fichiers ou dossiers…> [--format text|json] [--production] [--docs-url URL]
  atelier-compose rules [--format text|json] [--docs-url URL]

check   vérifie des fichiers compose.yaml, .env et nginx (*.conf) comme le feraient
        docker compose config et nginx -t, plus les bonnes pratiques du cours.
        Code de sortie : 0 sans erreur, 1 s'il y a au moins une erreur, 2 en cas d'usage incorrect.
rules   liste les règles du moteur.
`;

export interface CliIo {
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** The whole CLI as a function of its arguments, so tests run it in-process. Returns the exit code. */
export function runCli(argv: readonly string[], io: CliIo): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', default: 'text' },
        production: { type: 'boolean', default: false },
        swarm: { type: 'boolean' },
        'docs-url': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  const [command, ...targets] = positionals;
  if (values.help || command === undefined) {
    (values.help ? io.stdout : io.stderr)(USAGE);
    return values.help ? 0 : 2;
  }
  if (values.format !== 'text' && values.format !== 'json') {
    io.stderr(`Format inconnu : ${values.format} (attendu : text ou json)\n`);
    return 2;
  }
  const docsBase = values['docs-url'] ?? io.env.ATELIER_DOCS_URL ?? DEFAULT_DOCS_BASE;

  if (command === 'rules') {
    const rules = catalogue.map((rule) => ({
      id: rule.id,
      severity: rule.severity,
      title: rule.docs.title,
      url: ruleUrl(docsBase, rule.id),
    }));
    io.stdout(
      values.format === 'json'
        ? `${JSON.stringify(rules, null, 2)}\n`
        : rules.map((r) => `${r.id.padEnd(36)} ${r.severity.padEnd(8)} ${r.title}`).join('\n') + '\n',
    );
    return 0;
  }

  if (command !== 'check') {
    io.stderr(`Commande inconnue : ${command}\n\n${USAGE}`);
    return 2;
  }
  if (targets.length === 0) {
    io.stderr(`Indiquez au moins un fichier ou un dossier à vérifier.\n\n${USAGE}`);
    return 2;
  }
  const { files, problems } = collectFiles(targets, io.cwd);
  for (const problem of problems) io.stderr(`${problem}\n`);
  if (files.length === 0) {
    io.stderr('Aucun fichier compose, .env ou nginx à vérifier.\n');
    return 2;
  }
  const environment = Object.fromEntries(
    Object.entries(io.env).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  const { diagnostics } = checkProject(files, { environment, ...(values.production ? { production: true } : {}), ...(values.swarm ? { swarm: true } : {}) });
  io.stdout(values.format === 'json' ? `${JSON.stringify(diagnostics, null, 2)}\n` : formatText(diagnostics, docsBase));
  return diagnostics.some((d) => d.severity === 'error') || problems.length > 0 ? 1 : 0;
}
