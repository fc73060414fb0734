/**
 * Go's `time.ParseDuration` grammar (compose-go parses healthcheck intervals,
 * `stop_grace_period`… with it): a signed sequence of decimal numbers each
 * with a unit (`1m30s`, `1.5h`, `300ms`); a bare `0` is allowed.
 */
const DURATION = /^[-+]?(?:(?:\d+\.?\d*|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;

export function isDuration(text: string): boolean {
  return text === '0' || DURATION.test(text);
}

/** docker/go-units `RAMInBytes`: `512m`, `1.5GB`, `2gib`, `1024`. */
const BYTE_SIZE = /^(\d+(?:\.\d+)*) ?([kKmMgGtTpP])?[iI]?[bB]?$/;

export function isByteSize(text: string): boolean {
  return BYTE_SIZE.test(text);
}
