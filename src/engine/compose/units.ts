/**
 * Go's `time.ParseDuration` grammar (compose-go parses healthcheck intervals,
 * `stop_grace_period`… with it): a signed sequence of decimal numbers each
 * with a unit (`1m30s`, `1.5h`, `300ms`); a bare `0` is allowed. The micro
 * signs are escapes (`\u00b5` micro sign, `\u03bc` Greek mu): one non-ASCII
 * character left in the CLI's bundle makes V8 hold its whole source as
 * two-byte text, twice the bytes to decode and scan at every start.
 */
const DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|\u00b5s|\u03bcs|ms|s|m|h))+$/;

export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text);
}

/** docker/go-units `RAMInBytes`: `512m`, `1.5GB`, `2gib`, `1024`. */
const BYTE_SIZE = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

export function isByteSize(text: string): boolean {
  return BYTE_SIZE.test(text);
}

const MULTIPLIERS: Record<string, number> = { '': 1, k: 1024, m: 1024 ** 2, g: 1024 ** 3, t: 1024 ** 4, p: 1024 ** 5 };

/** Bytes of a size (`512m` → 536870912), as go-units' RAMInBytes, or undefined. */
export function byteSize(value: string | number): number | undefined {
  if (typeof value === 'number') return value;
  const match = BYTE_SIZE.exec(value);
  if (!match) return undefined;
  return Math.floor(Number(match[1]) * MULTIPLIERS[(match[2] ?? '').toLowerCase()]!);
}
