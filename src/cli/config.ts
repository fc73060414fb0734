// The configuration file, found as linters find theirs (lilconfig, the loader
// of postcss-load-config and lint-staged, cosmiconfig's search without its
// dependencies): from the working directory up to the home folder,
// `package.json` ("atelier-compose" key), `.atelier-composerc`,
// `.atelier-composerc.json`, `.atelier-composerc.yaml`/`.yml`,
// `atelier-compose.config.js`/`.mjs`/`.cjs`, or the file `--config` names.
import { createRequire } from 'node:module';
import { lilconfigSync, type LoaderSync } from 'lilconfig';
import { parse as parseYaml } from 'yaml';
import { closest } from '../engine/compose/schema/edit-distance.ts';
import type { Diagnostic, Severity } from '../engine/types.ts';

export type RuleSetting = 'off' | Severity;
const SETTINGS: readonly RuleSetting[] = ['off', 'info', 'warning', 'error'];

export interface CliConfig {
  /** Where it was read from, for messages. */
  filepath: string | undefined;
  rules: Map<string, RuleSetting>;
}

export const CONFIG_NAME = 'atelier-compose';

export const SEARCH_PLACES = [
  'package.json',
  '.atelier-composerc',
  '.atelier-composerc.json',
  '.atelier-composerc.yaml',
  '.atelier-composerc.yml',
  'atelier-compose.config.js',
  'atelier-compose.config.mjs',
  'atelier-compose.config.cjs',
];

const loadYaml: LoaderSync = (_path, content) => parseYaml(content) as unknown;
const loadJson: LoaderSync = (_path, content) => JSON.parse(content) as unknown;
// Node 22.12+ `require`s ES modules (without top-level await), so one sync loader reads every JavaScript config.
const loadJs: LoaderSync = (path) => {
  const exported = createRequire(import.meta.url)(path) as unknown;
  return typeof exported === 'object' && exported !== null && 'default' in exported ? exported.default : exported;
};

export class ConfigError extends Error {}

/** The config in effect: `explicit` (`--config`) or the nearest one above `cwd`; a French ConfigError when it is wrong. */
export function loadConfig(cwd: string, explicit: string | undefined, knownRuleIds: ReadonlySet<string>, home: string | undefined): CliConfig {
  const searcher = lilconfigSync(CONFIG_NAME, {
    searchPlaces: SEARCH_PLACES,
    loaders: { '.json': loadJson, '.yaml': loadYaml, '.yml': loadYaml, noExt: loadYaml, '.js': loadJs, '.mjs': loadJs, '.cjs': loadJs },
    cache: false,
    ...(home ? { stopDir: home } : {}),
  });
  let found;
  try {
    found = explicit === undefined ? searcher.search(cwd) : searcher.load(explicit);
  } catch (error) {
    const where = explicit ?? 'le fichier de configuration';
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    throw new ConfigError(
      code === 'ENOENT' ? `Fichier de configuration introuvable : ${where}` : `Configuration illisible (${where}) : ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (!found || found.isEmpty) return { filepath: found?.filepath, rules: new Map() };
  return { filepath: found.filepath, rules: readRules(found.config as unknown, found.filepath, knownRuleIds) };
}

function readRules(config: unknown, filepath: string, knownRuleIds: ReadonlySet<string>): Map<string, RuleSetting> {
  const rules = new Map<string, RuleSetting>();
  if (typeof config !== 'object' || config === null || Array.isArray(config)) throw new ConfigError(`${filepath} : la configuration doit être un objet, par exemple { "rules": { "image-tag": "off" } }.`);
  for (const key of Object.keys(config)) if (key !== 'rules') throw new ConfigError(`${filepath} : clé inconnue « ${key} » (seule « rules » est reconnue).`);
  const section = (config as { rules?: unknown }).rules;
  if (section === undefined) return rules;
  if (typeof section !== 'object' || section === null || Array.isArray(section)) throw new ConfigError(`${filepath} : « rules » doit associer des identifiants de règles à "off", "info", "warning" ou "error".`);
  for (const [id, setting] of Object.entries(section)) {
    if (!knownRuleIds.has(id)) {
      const suggestion = closest(id, knownRuleIds);
      throw new ConfigError(`${filepath} : la règle « ${id} » n’existe pas${suggestion ? ` ; vouliez-vous dire « ${suggestion} » ?` : ' (la liste : atelier-compose rules).'}`);
    }
    if (!SETTINGS.includes(setting as RuleSetting)) throw new ConfigError(`${filepath} : « ${String(setting)} » n’est pas un réglage pour « ${id} » (attendu : "off", "info", "warning" ou "error").`);
    rules.set(id, setting as RuleSetting);
  }
  return rules;
}

/** The diagnostics with the configured severities; rules set to "off" are dropped. */
export function applyRuleSettings(diagnostics: readonly Diagnostic[], rules: ReadonlyMap<string, RuleSetting>): Diagnostic[] {
  if (rules.size === 0) return [...diagnostics];
  return diagnostics.flatMap((d) => {
    const setting = rules.get(d.ruleId);
    if (setting === undefined) return [d];
    return setting === 'off' ? [] : [{ ...d, severity: setting }];
  });
}
