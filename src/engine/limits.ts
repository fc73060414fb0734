// The engine's bounds (issue #14): whatever the input, the work and the
// output stay proportional to it. A bound that is hit is said to the learner
// by a diagnostic, never silently.

/** The workshop's import limit: the contract (≤ 1 s, ≤ 256 MB, never throws) is stated up to this size. */
export const MAX_INPUT_BYTES = 512 * 1024;

/** Diagnostics kept per rule and file; the rest is counted in one summary diagnostic. */
export const MAX_DIAGNOSTICS_PER_RULE_AND_FILE = 100;

/** A diagnostic message never exceeds this many characters. */
export const MAX_MESSAGE_LENGTH = 400;

/** A value quoted in a message (a key, a variable's text, a cycle) is shortened to this many characters. */
export const MAX_QUOTED_LENGTH = 200;

/**
 * YAML nodes the general parser is given (flow brackets and commas, anchors,
 * aliases, tags, explicit keys, merges): a real compose file of 512 KB has a
 * few thousand; 512 KB of `[]`, `!t`, `&a`… made yaml take over a second and
 * 280 MB (issue #14). Plain block YAML, read by the fast reader, is not counted.
 */
export const MAX_YAML_NODE_TOKENS = 40_000;

/** YAML nesting levels read (compose files need about ten). */
export const MAX_YAML_DEPTH = 512;

/** nginx blocks nested in one another that are read; deeper ones are skipped with an error. */
export const MAX_NGINX_DEPTH = 512;

/** Parse errors kept per nginx file (more than are shown); the others are only counted. */
export const MAX_NGINX_ERRORS = 1000;

/** YAML documents (`---`) read per compose file; the following ones are not checked. */
export const MAX_YAML_DOCUMENTS = 100;

/** `${A:-${B:-…}}`: nesting levels expanded. compose-go has no limit; nobody writes more than three. */
export const MAX_INTERPOLATION_DEPTH = 16;

/** Characters one value may reach through substitution (a `.env` line doubling the previous one). */
export const MAX_INTERPOLATED_LENGTH = 64 * 1024;

/** Characters all substitutions of one project may add, shared by `.env` and the compose files. */
export const MAX_INTERPOLATION_TOTAL = 4 * 1024 * 1024;

/** Shortens `text` to `max` characters, with an ellipsis « … » in the middle of what is cut. */
export function shorten(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) * 0.7);
  const tail = max - 1 - head;
  return `${text.slice(0, head)}…${tail > 0 ? text.slice(text.length - tail) : ''}`;
}
