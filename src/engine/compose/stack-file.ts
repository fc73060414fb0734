// What the Swarm rules (`rules/swarm/`) read of a stack file. The typed model
// keeps what `docker compose` uses; the Swarm loader of the Docker CLI cares
// about keys the model does not type (`deploy.update_config`, a port's
// `mode`, `mem_limit`…), so these rules read the located tree of each
// document, as written and interpolated.
import type { Range, TextEdit } from '../types.ts';
import { asMap, type LocatedEntry, type LocatedMap } from '../yaml/located.ts';
import type { ComposeContext, ComposeDocument } from './context.ts';

export interface StackService {
  document: ComposeDocument;
  /** The service's name, as written. */
  name: string;
  entry: LocatedEntry;
  /** Its mapping; services whose value is not a mapping are left to the schema rule. */
  map: LocatedMap;
}

/** Every service of every document, in file order: each definition of a service that several files define. */
export function stackServices(context: ComposeContext): StackService[] {
  const out: StackService[] = [];
  for (const document of context.documents) {
    if (document.issues.some((issue) => issue.severity === 'error')) continue;
    const services = asMap(asMap(document.root)?.entries.get('services')?.value);
    for (const [name, entry] of services?.entries ?? []) {
      const map = asMap(entry.value);
      if (map) out.push({ document, name, entry, map });
    }
  }
  return out;
}

/** A top-level mapping (`secrets`, `configs`) of every document. */
export function topLevelEntries(context: ComposeContext, key: string): { document: ComposeDocument; name: string; entry: LocatedEntry; map: LocatedMap | undefined }[] {
  const out: { document: ComposeDocument; name: string; entry: LocatedEntry; map: LocatedMap | undefined }[] = [];
  for (const document of context.documents) {
    if (document.issues.some((issue) => issue.severity === 'error')) continue;
    const section = asMap(asMap(document.root)?.entries.get(key)?.value);
    for (const [name, entry] of section?.entries ?? []) out.push({ document, name, entry, map: asMap(entry.value) });
  }
  return out;
}

/** The range of an entry's key, to underline it. */
export function keyRange(document: ComposeDocument, entry: LocatedEntry): Range {
  return document.positions.range(entry.keyRange[0], entry.keyRange[1]);
}

/**
 * An edit that deletes an entry's whole lines (its key line through the last
 * line of its value), or undefined when the entry shares a line with other
 * content (flow style), where deleting lines would break the file.
 */
export function deleteEntryLines(document: ComposeDocument, entry: LocatedEntry): TextEdit | undefined {
  const { positions } = document;
  const text = document.file.text;
  const start = positions.position(entry.keyRange[0]);
  const lineStart = positions.lineStarts[start.line - 1] ?? 0;
  if (text.slice(lineStart, entry.keyRange[0]).trim() !== '') return undefined;
  let end = Math.max(entry.value.range[1], entry.keyRange[1]);
  while (end > entry.keyRange[1] && /\s/.test(text[end - 1] ?? '')) end--;
  const endLine = positions.position(end).line;
  const nextLineStart = positions.lineStarts[endLine];
  const rest = text.slice(end, nextLineStart ?? text.length);
  if (!/^\s*(#.*)?\s*$/.test(rest)) return undefined;
  return {
    file: document.file.path,
    range: { start: { line: start.line, column: 1 }, end: nextLineStart === undefined ? positions.position(text.length) : { line: endLine + 1, column: 1 } },
    text: '',
  };
}

/** The indentation (spaces) of the line an entry's key starts on. */
export function indentOf(document: ComposeDocument, entry: LocatedEntry): string {
  const line = document.positions.position(entry.keyRange[0]).line;
  const lineStart = document.positions.lineStarts[line - 1] ?? 0;
  return /^ */.exec(document.file.text.slice(lineStart))?.[0] ?? '';
}
