import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

/** Where the chosen language is kept on the device (also read by the first frame's script). */
export const LOCALE_KEY = 'gz.locale';

// No dictionary ships in the entry: each is fetched before the first render that needs it (main.tsx,
// lazyPage, the console's loader). A resident who opens a public phone page (扫码上报, 查进度, 回音壁)
// gets only that page's dictionary in Chinese; everything else fetches the whole one first. English is
// fetched only by someone who chose it. A key the loaded part lacks fetches the whole dictionary and the
// page shows it once it arrives — never the key itself (docs/PERFORMANCE.md).
//
// The parts nest: 'public' (扫码上报, 查进度) ⊂ 'wall' (回音壁 adds its strips' words) ⊂ 'all'.
export type DictPart = 'public' | 'wall' | 'all';
const PARTS: readonly DictPart[] = ['public', 'wall', 'all'];
const LARGEST_FIRST: readonly DictPart[] = [...PARTS].reverse();
const covers = (have: DictPart, need: DictPart) => PARTS.indexOf(have) >= PARTS.indexOf(need);
type Dict = Partial<Record<string, string>>;
// The phone's parts merge their pieces with Object.assign, not an object spread: the same keys with the later piece
// winning, evaluated ~4× faster by V8 (a task of its own after a public page's first paint; docs/PERFORMANCE.md).
const LOADERS: Record<Locale, Record<DictPart, () => Promise<Dict>>> = {
  'zh-CN': {
    public: () => import('./public.zh-CN.ts').then((m) => m.publicZhCN),
    wall: () => import('./wall.zh-CN.ts').then((m) => m.wallZhCN),
    all: () => import('./zh-CN.ts').then((m) => m.zhCN as Dict),
  },
  en: {
    public: () => import('./public.en.ts').then((m) => m.publicEn),
    wall: () => import('./wall.en.ts').then((m) => m.wallEn),
    all: () => import('./en.ts').then((m) => m.en as Dict),
  },
};
const DICTS: Record<Locale, Partial<Record<DictPart, Dict>>> = { 'zh-CN': {}, en: {} };
const pending = new Map<string, Promise<void>>();
const listeners = new Set<() => void>();
/** How many dictionaries have arrived: a provider renders again only when one came after its last render. */
let arrived = 0;
/** The largest part asked for so far: a locale switch fetches that part of the other language. */
let wanted: DictPart = 'public';
let current: Locale = initialLocale();

function load(locale: Locale, part: DictPart): Promise<void> {
  if (PARTS.some((have) => DICTS[locale][have] && covers(have, part))) return Promise.resolve();
  const id = `${locale}:${part}`;
  let p = pending.get(id);
  if (!p) {
    p = LOADERS[locale][part]().then((d) => {
      DICTS[locale][part] = d;
      arrived += 1;
      for (const l of listeners) l();
    });
    pending.set(id, p);
  }
  return p;
}

/** Fetches the dictionary `part` of the current language (resolves at once when it, or a larger part, is there). */
export function ensureDicts(part: DictPart): Promise<void> {
  if (covers(part, wanted)) wanted = part;
  return load(current, part);
}

/** The dictionary part a first page load needs: only the public phone pages make do with theirs. */
export const initialDictPart = (pathname: string): DictPart => {
  if (/^\/m\/(report|track)\/?$/.test(pathname)) return 'public';
  return /^\/m\/wall\/?$/.test(pathname) ? 'wall' : 'all';
};

/** The largest part loaded of a language. */
const lookup = (locale: Locale): Dict => {
  for (const part of LARGEST_FIRST) {
    const d = DICTS[locale][part];
    if (d) return d;
  }
  return {};
};

function initialLocale(): Locale {
  try {
    return localStorage.getItem(LOCALE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

/**
 * A `t` over one whole dictionary, outside React (the server's drawing of a page's outline: mobile/firstFrame.tsx). A
 * key the dictionary lacks throws: the drawing fails (at build, or the page goes out with its plain outline) rather
 * than show the key.
 */
export const translator =
  (dict: Partial<Record<string, string>>): TFunction =>
  (key, vars) => {
    const s = dict[key];
    if (s === undefined) throw new Error(`the dictionary has no ${key}`);
    return format(s, vars);
  };

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
  /** For keys built at run time (role codes, levels …): falls back when the key is unknown. */
  tx: (key: string, fallback?: string, vars?: Vars) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(current);
  const [loaded, setLoaded] = useState(arrived);

  useEffect(() => {
    const l = () => setLoaded(arrived);
    listeners.add(l);
    // A dictionary that arrived between the first render and this subscription. Not a render for nothing: on a phone
    // page that one re-ran every component of the page right after its first paint.
    l();
    return () => void listeners.delete(l);
  }, []);

  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(LOCALE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    // The new language shows once its dictionary is here: no key and no half-switched page meanwhile.
    current = l;
    void load(l, wanted).then(() => {
      if (current === l) setLocaleState(l);
    });
  }, []);

  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    const title = lookup(locale)['app.title'];
    if (title) document.title = title;
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale, loaded]);
  const value = useMemo<I18nValue>(() => {
    const dict = lookup(locale);
    const complete = !!DICTS[locale].all;
    // A key outside the loaded part: fetch the whole dictionary and show nothing until it is here.
    const missing = (key: string) => {
      if (complete) return false;
      if (import.meta.env.DEV) console.warn(`i18n: "${key}" is not in the ${locale} dictionary part loaded; fetching the whole one`);
      wanted = 'all';
      void load(locale, 'all');
      return true;
    };
    const t: TFunction = (key, vars) => {
      const s = dict[key];
      if (s !== undefined) return format(s, vars);
      return missing(key) ? '' : key;
    };
    const tx = (key: string, fallback?: string, vars?: Vars) => {
      const s = dict[key];
      if (s !== undefined) return format(s, vars);
      return missing(key) ? '' : (fallback ?? key);
    };
    return { locale, setLocale, t, tx };
    // `loaded` changes when a dictionary arrives: the functions then read the new one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [locale, setLocale, loaded]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const v = useContext(I18nContext);
  if (!v) throw new Error('useI18n outside I18nProvider');
  return v;
}

export function useT(): TFunction {
  return useI18n().t;
}
