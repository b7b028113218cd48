import { createContext, startTransition, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized } from '../api/client.ts';
import type { LoginResult, Me, Session } from '../api/types.ts';
import { clearCopies, onPhone, readCopy, saveCopy } from '../lib/offlineDb.ts';
import { setOutboxUser } from '../lib/outbox.ts';

/** The phone app opens without a connection (docs/OFFLINE.md): the last signed-in user is kept for it. */
const ME_COPY = 'auth.me';

type Status = 'loading' | 'anonymous' | 'authenticated';

interface AuthValue {
  status: Status;
  me: Me | null;
  login: (username: string, password: string, challenge?: { challengeToken: string; challengeAnswer: string }) => Promise<Me>;
  /** Reads the session's user again (after a password change). */
  refresh: () => Promise<void>;
  logout: () => Promise<void>;
  can: (ability: string) => boolean;
}

const AuthContext = createContext<AuthValue | null>(null);

// The session probe answers "nobody" with 200 (no 401, so no error in a resident's console on the public pages).
const probe = () => api<Session>('/api/auth/session', { quiet401: true });

/** The signed-in user kept on a phone, for opening the app without a connection. */
const keepCopy = (m: Me) => {
  if (onPhone()) void saveCopy(ME_COPY, m);
};
let early: Promise<Session> | null = null;

/**
 * Sends the session probe as the app's code starts (main.tsx), while the page's code and words still load: the signed-in
 * frame then renders as soon as they are here, instead of one round trip later. The first `AuthProvider` takes it.
 */
export function startSessionProbe(): Promise<Session> {
  if (!early) {
    early = probe();
    // Handled where it is taken; until then a failure (no connection) must not count as unhandled.
    early.then(
      (s) => {
        answered = s;
      },
      () => undefined,
    );
  }
  return early;
}

/**
 * The early probe's answer once it is in. An `AuthProvider` first rendered after it starts from it instead of from
 * 'loading': no second render of the whole page for the session a moment after the first (on a public phone page that
 * second render was one of the longest tasks of its load on a slow phone).
 */
let answered: Session | null = null;

/** Whether the early probe has already said someone is signed in (the first render will draw their page). */
export const signedInKnown = (): boolean => Boolean(answered?.user);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [start] = useState(() => answered);
  const [me, setMe] = useState<Me | null>(start?.user ?? null);
  const [status, setStatus] = useState<Status>(start ? (start.user ? 'authenticated' : 'anonymous') : 'loading');

  useEffect(() => {
    if (start) {
      answered = null;
      early = null;
      if (start.user) keepCopy(start.user);
      return;
    }
    let cancelled = false;
    const first = early ?? probe();
    early = null;
    first
      .then(({ user: m }) => {
        if (cancelled) return;
        if (!m) {
          setStatus('anonymous');
          return;
        }
        keepCopy(m);
        // The signed-in frame and its page render as a transition: in slices, the browser answering between them.
        startTransition(() => {
          setMe(m);
          setStatus('authenticated');
        });
      })
      .catch(async (e: unknown) => {
        // No connection on the phone: the last session's user, so queued work can go on (the server still checks every request).
        const copy = e instanceof ApiError && e.status === 0 && onPhone() ? await readCopy<Me>(ME_COPY) : null;
        if (cancelled) return;
        setMe(copy?.data ?? null);
        setStatus(copy ? 'authenticated' : 'anonymous');
      });
    return () => {
      cancelled = true;
    };
  }, [start]);

  // Any 401 later on (idle session ended, password reset by an administrator) returns to the login page.
  useEffect(
    () =>
      onUnauthorized(() => {
        void clearCopies();
        setMe(null);
        setStatus('anonymous');
      }),
    [],
  );

  const login = useCallback(async (username: string, password: string, challenge?: { challengeToken: string; challengeAnswer: string }) => {
    const res = await api<LoginResult>('/api/auth/login', { method: 'POST', body: { username, password, ...challenge }, quiet401: true });
    await clearCopies();
    keepCopy(res.user);
    setMe(res.user);
    setStatus('authenticated');
    return res.user;
  }, []);

  const refresh = useCallback(async () => {
    const m = await api<Me>('/api/auth/me', { quiet401: true });
    setMe(m);
  }, []);

  const logout = useCallback(async () => {
    try {
      await api<void>('/api/auth/logout', { method: 'POST', body: {}, quiet401: true });
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
    await clearCopies();
    setMe(null);
    setStatus('anonymous');
  }, []);

  // Queued writes go out only under the account that made them.
  useEffect(() => {
    if (status !== 'loading') setOutboxUser(me?.id ?? null);
  }, [status, me]);

  const value = useMemo<AuthValue>(
    () => ({ status, me, login, refresh, logout, can: (a: string) => Boolean(me?.abilities.includes(a)) }),
    [status, me, login, refresh, logout],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const v = useContext(AuthContext);
  if (!v) throw new Error('useAuth outside AuthProvider');
  return v;
}

/** The signed-in user; only for components rendered behind a guard. */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error('useMe without a session');
  return me;
}

/**
 * Residents, party members, merchants … without access to the registry use the mobile pages;
 * department and property handlers, and the security and audit administrators, work in the console.
 */
export const usesConsole = (me: Me) =>
  me.abilities.includes('people.read') ||
  // The security and audit administrators (三员分立) work in the console too.
  me.abilities.includes('users.read') ||
  me.abilities.includes('audit.read') ||
  me.unit?.type === 'department' ||
  me.unit?.type === 'property';
