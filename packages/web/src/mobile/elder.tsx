// 长辈版 (elder mode) of the phone pages, after 工业和信息化部《移动互联网应用（APP）适老化通用设计规范》
// (2021): main text at least 18 px and adjustable up to 30 px, line height at least 1.3, contrast at
// least 4.5:1, main touch targets at least 60 × 60 px, colour never the only signal, no pop-ups, and a
// simplified home with the few things an elder resident comes for. The choice is offered once on the
// first visit (an inline notice, not a dialog), can be changed under 我的, and is kept on the device.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useT } from '../i18n/index.tsx';
import './elder.css';

/** Where the choice is kept on the device (also read by the first frame's script, firstFrame.tsx). */
export const ELDER_MODE_KEY = 'gz.elder';
export const ELDER_SIZE_KEY = 'gz.elder.size';
/** 规范 5.1.1: main text no smaller than 18 px (we start at 20 px), adjustable up to at least 30 px. */
export const ELDER_SIZES = [18, 20, 22, 24, 26, 28, 30] as const;
export const ELDER_DEFAULT_SIZE = 20;

interface ElderValue {
  /** null until the person has chosen (the first-visit notice is shown then). */
  elder: boolean | null;
  setElder: (on: boolean) => void;
  size: number;
  setSize: (px: number) => void;
}

const ElderContext = createContext<ElderValue | null>(null);

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}
function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this visit only
  }
}

/** The choice kept on this device: null until the person has made it. */
export function storedElder(): boolean | null {
  const v = read(ELDER_MODE_KEY);
  return v === 'on' ? true : v === 'off' ? false : null;
}

export function clampElderSize(px: number): number {
  return Math.min(ELDER_SIZES[ELDER_SIZES.length - 1]!, Math.max(ELDER_SIZES[0], Math.round(px)));
}

export function ElderProvider({ children }: { children: ReactNode }) {
  const [elder, setElderState] = useState<boolean | null>(storedElder);
  const [size, setSizeState] = useState<number>(() => {
    const v = Number(read(ELDER_SIZE_KEY));
    return Number.isFinite(v) && v > 0 ? clampElderSize(v) : ELDER_DEFAULT_SIZE;
  });
  const setElder = useCallback((on: boolean) => {
    write(ELDER_MODE_KEY, on ? 'on' : 'off');
    setElderState(on);
  }, []);
  const setSize = useCallback((px: number) => {
    const v = clampElderSize(px);
    write(ELDER_SIZE_KEY, String(v));
    setSizeState(v);
  }, []);
  // The class sits on <html> too, so what antd-mobile renders outside the app (toasts) grows with it.
  useEffect(() => {
    document.documentElement.classList.toggle('m-elder-root', elder === true);
    document.documentElement.style.setProperty('--m-elder-font', `${size}px`);
    return () => document.documentElement.classList.remove('m-elder-root');
  }, [elder, size]);
  const value = useMemo(() => ({ elder, setElder, size, setSize }), [elder, setElder, size, setSize]);
  return <ElderContext.Provider value={value}>{children}</ElderContext.Provider>;
}

export function useElder(): ElderValue {
  const v = useContext(ElderContext);
  if (!v) throw new Error('useElder outside ElderProvider');
  return v;
}

/** The first-visit question, inline at the top of the page (规范: no pop-ups that cover the content). */
export function ElderPrompt() {
  const t = useT();
  const { elder, setElder } = useElder();
  if (elder !== null) return null;
  return (
    <section className="m-elder-prompt" aria-labelledby="m-elder-prompt-title" data-testid="elder-prompt">
      <h2 id="m-elder-prompt-title" className="m-elder-prompt-title">
        {t('elder.promptTitle')}
      </h2>
      <p className="m-elder-prompt-text">{t('elder.promptText')}</p>
      <div className="m-elder-prompt-actions">
        <button type="button" className="m-elder-btn m-elder-btn-primary" onClick={() => setElder(true)} data-testid="elder-prompt-yes">
          {t('elder.promptYes')}
        </button>
        <button type="button" className="m-elder-btn" onClick={() => setElder(false)} data-testid="elder-prompt-no">
          {t('elder.promptNo')}
        </button>
      </div>
    </section>
  );
}

/** The switch and the text size, under 我的. Buttons with words, not a bare toggle: state is said in text. */
export function ElderSettings() {
  const t = useT();
  const { elder, setElder, size, setSize } = useElder();
  const on = elder === true;
  const i = ELDER_SIZES.indexOf(size as (typeof ELDER_SIZES)[number]);
  return (
    <section className="m-elder-settings" aria-labelledby="m-elder-settings-title" data-testid="elder-settings">
      <h2 id="m-elder-settings-title" className="m-elder-settings-title">
        {t('elder.settings')}
      </h2>
      <div className="m-elder-seg" role="group" aria-label={t('elder.switch')}>
        <button type="button" className={`m-elder-btn ${on ? '' : 'm-elder-btn-primary'}`} aria-pressed={!on} onClick={() => setElder(false)} data-testid="elder-off">
          {!on && '✓ '}
          {t('elder.standard')}
        </button>
        <button type="button" className={`m-elder-btn ${on ? 'm-elder-btn-primary' : ''}`} aria-pressed={on} onClick={() => setElder(true)} data-testid="elder-on">
          {on && '✓ '}
          {t('elder.name')}
        </button>
      </div>
      {on && (
        <div className="m-elder-size">
          <div className="m-elder-size-label">
            {t('elder.fontSize')}：<strong data-testid="elder-size">{t('elder.fontSizeValue', { size })}</strong>
          </div>
          <div className="m-elder-seg">
            <button type="button" className="m-elder-btn" disabled={i <= 0} onClick={() => setSize(ELDER_SIZES[Math.max(0, i - 1)]!)} data-testid="elder-smaller">
              A− {t('elder.fontSmaller')}
            </button>
            <button
              type="button"
              className="m-elder-btn"
              disabled={i >= ELDER_SIZES.length - 1}
              onClick={() => setSize(ELDER_SIZES[Math.min(ELDER_SIZES.length - 1, i + 1)]!)}
              data-testid="elder-bigger"
            >
              A+ {t('elder.fontBigger')}
            </button>
          </div>
          <p className="m-elder-sample">{t('elder.sample')}</p>
        </div>
      )}
    </section>
  );
}
