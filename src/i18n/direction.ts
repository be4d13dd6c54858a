/** Languages written right to left (by primary language subtag). */
const RTL_LANGUAGES = new Set(['ar', 'fa', 'ps', 'ckb', 'ur', 'he', 'yi', 'dv', 'sd', 'ug']);

/** `rtl` for right-to-left languages, else `ltr`. */
export function directionOf(tag: string | undefined): 'ltr' | 'rtl' {
  const language = (tag ?? '').toLowerCase().split('-')[0];
  return RTL_LANGUAGES.has(language) ? 'rtl' : 'ltr';
}
