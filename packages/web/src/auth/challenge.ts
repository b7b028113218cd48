import { useCallback, useState } from 'react';
import { ApiError, get } from '../api/client.ts';
import type { LoginChallenge } from '../api/types.ts';

/** Whether a failed login asks for a challenge next time. */
export const asksChallenge = (e: unknown) => e instanceof ApiError && Boolean((e.details as { challengeRequired?: boolean } | undefined)?.challengeRequired);

/**
 * The login challenge of the console and phone login pages: fetched when the server asks for it,
 * fetched anew after every try (each is good for one answer), and read aloud on request with the
 * browser's own speech (no network), besides the question in words that screen readers read.
 */
export function useLoginChallenge() {
  const [challenge, setChallenge] = useState<LoginChallenge | null>(null);
  const [answer, setAnswer] = useState('');
  const load = useCallback(async () => {
    setAnswer('');
    try {
      setChallenge(await get<LoginChallenge>('/api/auth/challenge'));
    } catch {
      setChallenge(null);
    }
  }, []);
  const speak = useCallback(() => {
    if (!challenge || typeof window === 'undefined' || !('speechSynthesis' in window)) return;
    const u = new SpeechSynthesisUtterance(challenge.question);
    u.lang = 'zh-CN';
    u.rate = 0.8;
    window.speechSynthesis.cancel();
    window.speechSynthesis.speak(u);
  }, [challenge]);
  const canSpeak = typeof window !== 'undefined' && 'speechSynthesis' in window;
  /** The fields to send with the login, when a challenge is shown. */
  const fields = challenge ? { challengeToken: challenge.token, challengeAnswer: answer.trim() } : undefined;
  return { challenge, answer, setAnswer, load, speak, canSpeak, fields };
}
