/**
 * Splits a short-syntax entry as written (`${HTTP_PORT:-8080}:80`,
 * `${DATA_DIR:-./data}:/var/lib/postgresql/data:ro`) on the colons outside
 * `${…}`: the model keeps each side before interpolation, for the lesson
 * objectives that judge what the learner wrote. `$${` is Compose's escaped
 * dollar, not a variable.
 */
export function splitOutsideVariables(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i += 1) {
    const char = value[i];
    if (char === '$' && value[i + 1] === '$') i += 1;
    else if (char === '$' && value[i + 1] === '{') {
      depth += 1;
      i += 1;
    } else if (char === '}' && depth > 0) depth -= 1;
    else if (char === ':' && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts;
}
