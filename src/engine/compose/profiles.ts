import type { ComposeModel, ComposeService } from './model.ts';

/**
 * compose-go's `ServiceConfig.HasProfile` (types/project.go, v2.9.1, the
 * version Compose 2.40 ships): a service without `profiles` always runs; one
 * with profiles runs when one of them, or `*`, is active.
 */
export function isServiceActive(service: ComposeService, profiles: readonly string[]): boolean {
  if (service.profiles.length === 0) return true;
  return profiles.some((active) => active === '*' || service.profiles.some((profile) => profile.value === active));
}

export interface ProfileSelection {
  /** The model with only the active services, as `docker compose config` prints it. */
  model: ComposeModel;
  /** The services left out by the profiles, in declaration order. */
  inactive: Map<string, ComposeService>;
}

/**
 * compose-go's `Project.WithProfiles`, applied by the loader before its
 * consistency check (loader/loader.go, v2.9.1): inactive services move aside,
 * so the references of the active ones are checked against the active ones
 * only (a volume or network used by an inactive service alone is no error),
 * and the top-level resources stay. `profiles` undefined keeps every service.
 */
export function selectProfiles(model: ComposeModel, profiles: readonly string[] | undefined): ProfileSelection {
  const inactive = new Map<string, ComposeService>();
  if (profiles === undefined) return { model, inactive };
  const active = new Map<string, ComposeService>();
  for (const [name, service] of model.services) (isServiceActive(service, profiles) ? active : inactive).set(name, service);
  return inactive.size === 0 ? { model, inactive } : { model: { ...model, services: active }, inactive };
}
