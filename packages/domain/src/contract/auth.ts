// Sign-in (登录) answers: API-CONTRACT "Authentication" and docs/SECURITY.md.
import { z } from 'zod';
import { AREA_LEVELS } from '../codes.ts';
import { isoTime } from './common.ts';

export const AreaLevel = z.enum(AREA_LEVELS);

/** `GET /api/auth/me`: the caller, their roles and scope. */
export const Me = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(z.string()),
  scope: z.object({ code: z.string(), name: z.string(), level: AreaLevel }),
  unit: z.object({ id: z.string(), name: z.string(), type: z.string() }).nullable(),
  /** What the console may offer (areas.read, people.read, …); the server checks every call again. */
  abilities: z.array(z.string()),
  /** `reset` (after a reset by the security administrator) or `expired`: the password must be changed first. */
  passwordChange: z.enum(['reset', 'expired']).nullable(),
});

export const ME_EXAMPLE = {
  id: '6f1d2c0e-4b7a-4c39-9a51-0d3c5e8f2a11',
  username: 'community',
  displayName: '王丽',
  roles: ['community'],
  scope: { code: '320614103001', name: '状元街居委会', level: 'village' },
  unit: null,
  abilities: ['areas.read', 'people.read', 'people.write'],
  passwordChange: null,
} satisfies z.infer<typeof Me>;

/** `POST /api/auth/login` → 200, with the session cookie. */
export const LoginResult = z.object({ user: Me }).meta({ example: { user: ME_EXAMPLE } });
/** GET /api/auth/session: the signed-in user, or null for nobody (the app's probe, answered without a 401). */
export const Session = z.object({ user: Me.nullable() }).meta({ example: { user: ME_EXAMPLE } });

/** `GET /api/auth/challenge`: the question asked after failed logins. */
export const LoginChallenge = z.object({
  token: z.string(),
  /** The sum as a picture (an SVG data URL). */
  image: z.string(),
  /** The same question in words, for screen readers and reading aloud. */
  question: z.string(),
  expiresAt: isoTime,
});

/** A 204 answer: no body. */
export const NoContent = z.null().describe('无内容');

export type AreaLevel = z.infer<typeof AreaLevel>;
export type Me = z.infer<typeof Me>;
export type LoginResult = z.infer<typeof LoginResult>;
export type Session = z.infer<typeof Session>;
export type LoginChallenge = z.infer<typeof LoginChallenge>;
