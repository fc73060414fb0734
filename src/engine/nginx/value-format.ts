// nginx's generic value parsers (src/core/ngx_parse.c: ngx_parse_size,
// ngx_parse_offset, ngx_parse_time; ngx_atoi), written again because the
// engine runs in the browser: the same accepted forms, unit order included
// (`1h30m` is a time, `30m1h` is not; `ms` only where milliseconds count).
import type { ValueSlot } from './value-slots.ts';

const DIGITS = /^\d{1,18}$/;

function isNumber(text: string): boolean {
  return DIGITS.test(text);
}

function isSize(text: string, units: string): boolean {
  const last = text.at(-1) ?? '';
  return isNumber(units.includes(last) ? text.slice(0, -1) : text);
}

/** Steps of ngx_parse_time: a unit may only follow a larger one. */
const Step = { Start: 0, Year: 1, Month: 2, Week: 3, Day: 4, Hour: 5, Min: 6, Sec: 7, Msec: 8, Last: 9 } as const;
type Step = (typeof Step)[keyof typeof Step];

const UNIT_STEPS: Record<string, Step> = { y: Step.Year, M: Step.Month, w: Step.Week, d: Step.Day, h: Step.Hour, m: Step.Min, s: Step.Sec };

export function isTime(text: string, isSec: boolean): boolean {
  let step: Step = isSec ? Step.Start : Step.Month;
  let valid = false;
  let digits = 0;
  for (let i = 0; i < text.length; ) {
    const char = text[i++]!;
    if (char >= '0' && char <= '9') {
      if (++digits > 18) return false;
      valid = true;
      continue;
    }
    digits = 0;
    if (char === 'm' && text[i] === 's') {
      if (isSec || step >= Step.Msec) return false;
      i++;
      step = Step.Msec;
    } else if (char === ' ') {
      if (step >= Step.Sec) return false;
      step = Step.Last;
    } else {
      const next = UNIT_STEPS[char];
      if (next === undefined) return false;
      // `y` is refused once anything was read (and always for milliseconds); the others once a smaller unit was.
      if (next === Step.Year ? step > Step.Start : step >= next) return false;
      step = next;
    }
    while (text[i] === ' ') i++;
  }
  return valid;
}

/** True when nginx's parser for `slot` accepts `value` (for `bufs`, the two words). */
export function acceptsValue(slot: ValueSlot, values: readonly string[]): boolean {
  const [first = '', second = ''] = values;
  switch (slot) {
    case 'size':
      return isSize(first, 'kKmM');
    case 'off':
      return isSize(first, 'kKmMgG');
    case 'msec':
      return isTime(first, false);
    case 'sec':
      return isTime(first, true);
    case 'num':
      return isNumber(first);
    case 'bufs':
      return isNumber(first) && Number(first) > 0 && isSize(second, 'kKmM');
  }
}
