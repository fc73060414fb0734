import type { ServiceView } from './compose-view.ts';

/** `${NAME:?message}` or `${NAME?message}`: Compose refuses to start when the variable is missing. */
export function requiresVariable(raw: string | undefined, name = '[A-Za-z_][A-Za-z0-9_]*'): boolean {
  return raw !== undefined && new RegExp(`^\\$\\{${name}:?\\?[^}]*\\}$`).test(raw.trim());
}

/** The service sets `variable` from the required `${name:?…}` (any required variable without `name`). */
export function takesFromRequired(service: ServiceView | undefined, variable: string, name?: string): boolean {
  return service?.environment.some((v) => v.name === variable && requiresVariable(v.raw, name)) ?? false;
}
