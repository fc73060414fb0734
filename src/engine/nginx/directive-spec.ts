// The shape of the directive table generated from nginx's reference
// (src/engine/nginx/generated/directives.ts) and how the engine reads it.
import { DIRECTIVE_ROWS, REFERENCE_VERSION } from './generated/directives.ts';
import { NGINX_CONTEXTS, type NginxContextName } from './nginx-contexts.ts';

/**
 * One row per (directive, module): name, module (without `ngx_` and
 * `_module`), allowed contexts as a bit mask over NGINX_CONTEXTS, minimum
 * and maximum argument counts (-1: unbounded), 1 for a block, 1 when the
 * module is built into the official nginx image (0: NGINX Plus or a module
 * that must be loaded with `load_module`), 1 when nginx rejects a second
 * occurrence in the same block ("is duplicate"), and for keyword-only
 * directives (`gzip on|off`) the accepted keywords joined by `|`.
 */
export type DirectiveRow = readonly [name: string, module: string, contexts: number, min: number, max: number, block: 0 | 1, builtIn: 0 | 1, unique: 0 | 1, values: string];

export interface DirectiveSpec {
  name: string;
  module: string;
  contexts: ReadonlySet<NginxContextName>;
  minArgs: number;
  /** `Infinity` when unbounded. */
  maxArgs: number;
  block: boolean;
  builtIn: boolean;
  unique: boolean;
  /** Keywords nginx accepts (case-insensitively) for a keyword-only directive; empty otherwise. */
  values: readonly string[];
}

const contextSets = new Map<number, ReadonlySet<NginxContextName>>();

/** The contexts of a mask; a handful of masks cover the table, so their sets are shared. */
function contextsOfMask(mask: number): ReadonlySet<NginxContextName> {
  let contexts = contextSets.get(mask);
  if (!contexts) contextSets.set(mask, (contexts = new Set(NGINX_CONTEXTS.filter((_, index) => (mask & (1 << index)) !== 0))));
  return contexts;
}

let rowsByName: Map<string, DirectiveRow[]> | undefined;
/**
 * Specs are made on first use of a name: a check meets a few dozen of the
 * table's thousand rows, and making them all cost the CLI several
 * milliseconds at every run.
 */
const specsByName = new Map<string, readonly DirectiveSpec[]>();
const NO_SPECS: readonly DirectiveSpec[] = [];

function specOfRow([name, module, mask, min, max, block, builtIn, unique, values]: DirectiveRow): DirectiveSpec {
  return {
    name,
    module,
    contexts: contextsOfMask(mask),
    minArgs: min,
    maxArgs: max < 0 ? Infinity : max,
    block: block === 1,
    builtIn: builtIn === 1,
    unique: unique === 1,
    values: values === '' ? [] : values.split('|'),
  };
}

/** Every row of the table for `name` (several modules may share a name: `server`, `listen`). */
export function directiveSpecs(name: string): readonly DirectiveSpec[] {
  let specs = specsByName.get(name);
  if (specs) return specs;
  if (!rowsByName) {
    rowsByName = new Map();
    for (const row of DIRECTIVE_ROWS) {
      const list = rowsByName.get(row[0]);
      if (list) list.push(row);
      else rowsByName.set(row[0], [row]);
    }
  }
  const rows = rowsByName.get(name);
  if (!rows) return NO_SPECS;
  specs = rows.map(specOfRow);
  specsByName.set(name, specs);
  return specs;
}

/** Whether nginx (as the official image builds it) knows the name at all. */
export function isKnownDirective(name: string): boolean {
  return directiveSpecs(name).some((spec) => spec.builtIn);
}

export { REFERENCE_VERSION };
