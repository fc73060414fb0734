// A licence's short name from the text of a project's LICENSE or COPYING file.
export function licenceOfText(full: string, fileName: string): string {
  const text = full.slice(0, 3000);
  if (/Apache License/i.test(text)) return 'Apache-2.0';
  if (/MIT License|Permission is hereby granted, free of charge/i.test(text)) return 'MIT';
  if (/CC0|Creative Commons Zero|No Copyright/i.test(text)) return 'CC0-1.0';
  if (/GNU AFFERO/i.test(text)) return 'AGPL-3.0';
  if (/GNU LESSER/i.test(text)) return 'LGPL';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(text)) return /Version 2/.test(text) ? 'GPL-2.0' : 'GPL-3.0';
  // Old free-form debian/copyright files: "the terms of the GNU GPL, Version 2 or later".
  if (/GNU GPL\b/.test(text)) return /Version 2 or\s+later/i.test(text) ? 'GPL-2.0-or-later' : /Version 2/i.test(text) ? 'GPL-2.0' : 'GPL-3.0';
  if (/Redistribution and use in source and binary forms/i.test(text)) return 'BSD';
  if (/Mozilla Public License/i.test(text)) return 'MPL-2.0';
  return `other (${fileName})`;
}

/** Which licence debian/copyright gives each path of a source package. */
export interface Copyright { licenceOf(path: string): string }

/**
 * debian/copyright in DEP-5 form: the last `Files:` stanza whose pattern
 * matches wins; `fallback` when the text has no stanza. `source` names where
 * the text was read, in the licence recorded (`MIT (debian/copyright)`).
 */
export function parseCopyright(text: string, fallback: string, source = 'debian/copyright'): Copyright {
  const stanzas = text.split(/\n\s*\n/).flatMap((s) => {
    const files = /^Files:\s*((?:.*\n?)(?:[ \t].*\n?)*)/m.exec(s)?.[1];
    const licence = /^License:\s*(.*)$/m.exec(s)?.[1]?.trim();
    return files && licence ? [{ patterns: files.trim().split(/\s+/), licence }] : [];
  });
  const glob = (p: string): RegExp => new RegExp(`^${p.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`);
  return {
    licenceOf(path) {
      let found = stanzas.length ? `see ${source}` : fallback;
      for (const s of stanzas) if (s.patterns.some((p) => glob(p).test(path))) found = `${s.licence} (${source})`;
      return found;
    },
  };
}
