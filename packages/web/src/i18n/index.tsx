import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { zhCN, type MessageKey } from './zh-CN.ts';

export type Locale = 'zh-CN' | 'en';
export type { MessageKey };
export type Vars = Record<string, string | number>;
export type TFunction = (key: MessageKey, vars?: Vars) => string;

const STORAGE_KEY = 'gz.locale';
// Chinese ships with the app; the English dictionary is fetched only by those who choose it (a
// resident on a cheap phone never downloads it). Until it arrives, the Chinese text stands in.
const DICTS: Record<Locale, Record<MessageKey, string> | undefined> = { 'zh-CN': zhCN, en: undefined };
let englishLoading: Promise<void> | undefined;
function loadEnglish(): Promise<void> {
  englishLoading ??= import('./en.ts').then((m) => {
    DICTS.en = m.en;
  });
  return englishLoading;
}

function initialLocale(): Locale {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

function format(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}

interface I18nValue {
  locale: Locale;
  setLocale: (l: Locale) => void;
  t: TFunction;
  /** For keys built at run time (role codes, levels …): falls back when the key is unknown. */
  tx: (key: string, fallback?: string, vars?: Vars) => string;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const [, setDictsLoaded] = useState(0);

  useEffect(() => {
    if (locale === 'en' && !DICTS.en) void loadEnglish().then(() => setDictsLoaded((n) => n + 1));
  }, [locale]);


  const setLocale = useCallback((l: Locale) => {
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // private mode: the choice lasts for this page only
    }
    setLocaleState(l);
  }, []);

  const dict = DICTS[locale] ?? zhCN;
  useEffect(() => {
    document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
    document.title = dict['app.title'];
    dayjs.locale(locale === 'en' ? 'en' : 'zh-cn');
  }, [locale, dict]);
  const value = useMemo<I18nValue>(() => {
    const t: TFunction = (key, vars) => format(dict[key] ?? zhCN[key] ?? key, vars);
    const tx = (key: string, fallback?: string, vars?: Vars) => {
      const s = (dict as Record<string, string>)[key];
      return s === undefined ? (fallback ?? key) : format(s, vars);
    };
    return { locale, setLocale, t, tx };
  }, [locale, setLocale, dict]);

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
