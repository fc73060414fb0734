import type { CheckResult } from '../engine/check.ts';
import { toPlain } from '../engine/yaml/located.ts';
import { composeView, type ServiceView } from './compose-view.ts';
import type { LessonObjectives } from './types.ts';

// The stack file's `deploy` sections are not in the compose view (which keeps
// what chapters 01–11 ask about): they are read here from the engine's located
// tree, as written, once per check.

type Plain = Record<string, unknown>;

const isPlain = (value: unknown): value is Plain => typeof value === 'object' && value !== null && !Array.isArray(value);

function field(value: unknown, ...path: string[]): unknown {
  let current = value;
  for (const key of path) current = isPlain(current) ? current[key] : undefined;
  return current;
}

/** Each service's `deploy`, as written, from the first file that has the service. */
function deploySections(result: CheckResult): Map<string, Plain> {
  const out = new Map<string, Plain>();
  for (const document of result.compose?.documents ?? []) {
    if (!document.root) continue;
    const services = field(toPlain(document.root, 'written'), 'services');
    if (!isPlain(services)) continue;
    for (const [name, service] of Object.entries(services)) {
      const deploy = field(service, 'deploy');
      if (!out.has(name) && isPlain(deploy)) out.set(name, deploy);
    }
  }
  return out;
}

function integer(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

/** The errors that make `docker stack deploy` refuse the file (besides `build`, its own objective). */
const REFUSING_RULES = new Set(['swarm-schema', 'swarm-forbidden-option', 'swarm-depends-on-condition']);

/** A variable that carries a password itself, instead of a `_FILE` path. */
const INLINE_PASSWORD = /PASSWORD$/;

function readsSecretFiles(service: ServiceView | undefined, declared: ReadonlySet<string>, mounted: readonly string[]): boolean {
  if (!service) return false;
  const files = service.environment.filter((v) => v.name.endsWith('_FILE'));
  return (
    files.length > 0 &&
    !service.environment.some((v) => INLINE_PASSWORD.test(v.name)) &&
    files.every((v) => {
      const secret = /^\/run\/secrets\/([\w.-]+)$/.exec(v.raw ?? '')?.[1];
      return secret !== undefined && declared.has(secret) && mounted.includes(secret);
    })
  );
}

function mountedSecrets(result: CheckResult, service: string): string[] {
  return result.compose?.model.services.get(service)?.secrets.map((s) => s.source) ?? [];
}

export const objectives: LessonObjectives = {
  'api-repliquee': (result) => {
    const api = composeView(result)?.services.get('api');
    const replicas = integer(deploySections(result).get('api')?.['replicas']);
    return api !== undefined && api.containerName === undefined && replicas !== undefined && replicas >= 3;
  },
  'mise-a-jour-surveillee': (result) => {
    const api = composeView(result)?.services.get('api');
    const deploy = deploySections(result).get('api');
    const update = field(deploy, 'update_config');
    return (
      api?.healthcheck !== undefined &&
      !api.healthcheck.disable &&
      api.healthcheck.test !== undefined &&
      field(update, 'failure_action') === 'rollback' &&
      field(update, 'order') === 'start-first' &&
      field(update, 'monitor') !== undefined &&
      isPlain(field(deploy, 'rollback_config'))
    );
  },
  'secrets-swarm': (result, files) => {
    const view = composeView(result);
    if (!view) return false;
    const declared = new Set(
      [...view.secrets.entries()].filter(([, secret]) => typeof secret['file'] === 'string' || secret['external'] === true).map(([name]) => name),
    );
    const clear = /dev-only|change-me/.test(Object.values(files).join('\n'));
    return (
      !clear &&
      readsSecretFiles(view.services.get('db'), declared, mountedSecrets(result, 'db')) &&
      readsSecretFiles(view.services.get('api'), declared, mountedSecrets(result, 'api')) &&
      [...view.services.values()].every((service) => !service.environment.some((v) => INLINE_PASSWORD.test(v.name)))
    );
  },
  'images-du-registre': (result) => {
    const view = composeView(result);
    const services = [...(view?.services.values() ?? [])];
    return (
      view !== undefined &&
      view.name === undefined &&
      services.length > 0 &&
      services.every((service) => service.image !== undefined && !service.keys.includes('build')) &&
      !result.diagnostics.some((d) => REFUSING_RULES.has(d.ruleId))
    );
  },
  'base-epinglee': (result) => {
    const db = composeView(result)?.services.get('db');
    const deploy = deploySections(result).get('db');
    const constraints = field(deploy, 'placement', 'constraints');
    const replicas = deploy?.['replicas'] === undefined ? 1 : integer(deploy['replicas']);
    return (
      db !== undefined &&
      Array.isArray(constraints) &&
      constraints.some((c) => typeof c === 'string' && /^node\.(labels\.[\w.-]+|hostname|id)\s*==\s*\S+/.test(c.trim())) &&
      replicas === 1 &&
      db.volumes.some((v) => v.target === '/var/lib/postgresql/data' && v.source !== undefined && !v.source.startsWith('.') && !v.source.startsWith('/'))
    );
  },
};
