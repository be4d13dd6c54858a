/**
 * Each language's name in its own language and script (an autonym), so that a person finds their
 * language in a menu whatever language the page is in.
 */
const AUTONYMS: Record<string, string> = {
  de: 'Deutsch',
  en: 'English',
  ar: 'العربية',
  fa: 'فارسی',
  prs: 'دری',
  ps: 'پښتو',
  tr: 'Türkçe',
  ku: 'Kurmancî',
  kmr: 'Kurmancî',
  ckb: 'کوردیی ناوەندی',
  uk: 'Українська',
  ru: 'Русский',
  pl: 'Polski',
  ro: 'Română',
  bg: 'Български',
  sq: 'Shqip',
  fr: 'Français',
  es: 'Español',
  ti: 'ትግርኛ',
  so: 'Soomaali',
  ur: 'اردو',
  he: 'עברית',
  sr: 'Српски',
  hr: 'Hrvatski',
  bs: 'Bosanski',
  it: 'Italiano',
  el: 'Ελληνικά',
  vi: 'Tiếng Việt',
  zh: '中文',
};

/** The name of `tag`'s language, written in that language. */
export function autonym(tag: string): string {
  const known = AUTONYMS[tag] ?? AUTONYMS[tag.toLowerCase().split('-')[0]];
  if (known) return known;
  try {
    const name = new Intl.DisplayNames([tag], { type: 'language' }).of(tag);
    if (name && name !== tag) return name.charAt(0).toLocaleUpperCase(tag) + name.slice(1);
  } catch {
    // An invalid tag has no name; show the tag itself.
  }
  return tag;
}
