// A licence's short name from the text of a project's LICENSE or COPYING file.
export function licenceOfText(full: string, fileName: string): string {
  const text = full.slice(0, 3000);
  if (/Apache License/i.test(text)) return 'Apache-2.0';
  if (/MIT License|Permission is hereby granted, free of charge/i.test(text)) return 'MIT';
  if (/CC0|Creative Commons Zero|No Copyright/i.test(text)) return 'CC0-1.0';
  if (/GNU AFFERO/i.test(text)) return 'AGPL-3.0';
  if (/GNU LESSER/i.test(text)) return 'LGPL';
  if (/GNU GENERAL PUBLIC LICENSE/i.test(text)) return /Version 2/.test(text) ? 'GPL-2.0' : 'GPL-3.0';
  if (/Redistribution and use in source and binary forms/i.test(text)) return 'BSD';
  if (/Mozilla Public License/i.test(text)) return 'MPL-2.0';
  return `other (${fileName})`;
}
