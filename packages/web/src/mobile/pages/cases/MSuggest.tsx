import { useEffect, useRef, useState } from 'react';
import { phoneIcon } from '../../icon.tsx';
import BulbOutlinedSvg from '@ant-design/icons-svg/es/asn/BulbOutlined';
import { suggestCase, type CaseSuggestions, type SuggestQuery } from '../../../api/suggest.ts';
import { useT } from '../../../i18n/index.tsx';

const BulbOutlined = phoneIcon(BulbOutlinedSvg);

const DEBOUNCE_MS = 400;
/** Below this many characters a description says too little to guess from. */
const MIN_CHARS = 4;

/** Suggestions for what is being typed, asked for after a pause in typing; stale answers are dropped. */
export function useSuggestions(q: SuggestQuery): CaseSuggestions | null {
  const [data, setData] = useState<CaseSuggestions | null>(null);
  const text = `${q.title ?? ''}${q.description ?? ''}`.trim();
  const key = JSON.stringify(q);
  useEffect(() => {
    if (text.length < MIN_CHARS) return;
    const ctl = new AbortController();
    const timer = setTimeout(() => {
      suggestCase(JSON.parse(key) as SuggestQuery, ctl.signal).then(setData, () => undefined);
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [key, text.length]);
  return text.length < MIN_CHARS ? null : data;
}

/**
 * Pre-selects the top suggested type while the reporter has not picked one by hand, and offers
 * the top three as chips under the description (the picker stays where it is).
 */
export function MSuggestChips({ q, value, onPick }: { q: SuggestQuery; value?: string; onPick: (code: string, byHand: boolean) => void }) {
  const t = useT();
  const s = useSuggestions(q);
  const top = s?.categories.slice(0, 3) ?? [];
  const first = top[0]?.code;
  const pick = useRef(onPick);
  useEffect(() => {
    pick.current = onPick;
  });
  useEffect(() => {
    if (first) pick.current(first, false);
  }, [first]);
  if (top.length === 0) return null;
  const chosen = top.find((c) => c.code === value) ?? top[0]!;
  return (
    <div className="m-suggest" data-testid="m-suggest">
      <div className="m-suggest-title">
        <BulbOutlined /> {t('m.case.suggestTitle')}
      </div>
      <div className="m-suggest-chips">
        {top.map((c) => (
          <button
            type="button"
            key={c.code}
            className={c.code === value ? 'm-suggest-chip m-suggest-chip-on' : 'm-suggest-chip'}
            aria-pressed={c.code === value}
            onClick={() => onPick(c.code, true)}
            data-testid={`m-suggest-${c.code}`}
          >
            {c.name}
          </button>
        ))}
      </div>
      {chosen.words && chosen.words.length > 0 && <div className="m-muted m-suggest-why">{t('m.case.suggestWords', { words: chosen.words.join('、') })}</div>}
      <div className="m-muted m-suggest-why">{t('m.case.suggestNote')}</div>
    </div>
  );
}
