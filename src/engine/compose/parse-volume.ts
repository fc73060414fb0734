import type { VolumeType } from './model.ts';

export interface ParsedVolume {
  type: VolumeType;
  source: string | undefined;
  target: string;
  readOnly: boolean;
}

/**
 * A short-syntax volume `[source:]target[:options]`, split as compose-go's
 * `format.ParseVolume` does: a source starting with `.`, `/` or `~` (or a
 * Windows drive) is a bind mount, any other source a named volume, no
 * source an anonymous volume. Unknown options are ignored, as compose does.
 * Returns undefined for what compose rejects (empty part, too many colons).
 */
export function parseVolume(spec: string): ParsedVolume | undefined {
  const parts: string[] = [];
  let buffer = '';
  for (let i = 0; i < spec.length; i++) {
    const c = spec[i]!;
    // A Windows drive letter (`C:\data`) is one part, not a separator.
    const driveColon = c === ':' && buffer.length === 1 && /[a-zA-Z]/.test(buffer) && /[\\/]/.test(spec[i + 1] ?? '');
    if (c === ':' && !driveColon) {
      parts.push(buffer);
      buffer = '';
    } else buffer += c;
  }
  parts.push(buffer);
  if (parts.some((p) => p === '')) return undefined;
  if (parts.length > 3) return undefined;
  if (parts.length === 1) return { type: 'volume', source: undefined, target: parts[0]!, readOnly: false };
  const [source, target, options] = parts as [string, string, string | undefined];
  const bind = /^[./~]/.test(source) || /^[a-zA-Z]:[\\/]/.test(source) || source.startsWith('\\\\');
  const flags = options?.split(',') ?? [];
  return { type: bind ? 'bind' : 'volume', source, target, readOnly: flags.includes('ro') && !flags.includes('rw') };
}
