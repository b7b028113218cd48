// Password rules of GB/T 22239-2019 level 3 (身份鉴别: 口令具有复杂度要求并定期更换), as pure functions.

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;
/** A new password may not be any of the account's last this-many passwords (the current one included). */
export const PASSWORD_HISTORY = 5;

/**
 * Words that make a password guessable however its digits and symbols are arranged: the
 * commonest passwords in leaked Chinese and international lists, keyboard walks, pinyin phrases,
 * and the product's own name (its demo password `Gongzhi@2026` is public).
 */
export const COMMON_PASSWORD_WORDS: readonly string[] = [
  'password', 'passwd', 'pass', 'passw', 'pwd', 'admin', 'administrator', 'root', 'user', 'guest', 'test', 'welcome',
  'letmein', 'login', 'qwerty', 'qwertyuiop', 'qwer', 'qwe', 'asdf', 'asdfgh', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm',
  'qazwsx', 'qweasd', 'qweasdzxc', 'abc', 'abcd', 'abcde', 'abcdef', 'abcdefg', 'abcdefgh', 'aa', 'aaa', 'aaaa', 'aaaaaa',
  'iloveyou', 'love', 'monkey', 'dragon', 'master', 'sunshine', 'princess', 'football', 'baseball', 'superman',
  'hello', 'hello world', 'helloworld', 'freedom', 'whatever', 'trustno', 'shadow', 'michael', 'jordan', 'batman',
  'woaini', 'woaiwojia', 'nihao', 'mima', 'mimamima', 'zhang', 'zhangsan', 'lisi', 'wangwu', 'china', 'zhongguo',
  'beijing', 'shanghai', 'nantong', 'haimen', 'gongzhi', 'gongzhipt', 'wangge', 'shequ', 'dangjian', 'zhengwu',
  'system', 'server', 'changeme', 'default', 'secret', 'p', 'a', 'q', 'x', 'xx', 'xxx',
];

const COMMON = new Set(COMMON_PASSWORD_WORDS.map((w) => w.replace(/[^a-z]/g, '')));
const LEET: Record<string, string> = { '0': 'o', '1': 'l', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** The letters of a password once digits and symbols are dropped, plain and with look-alike digits read as letters. */
function letterForms(plain: string): string[] {
  const lower = plain.toLowerCase();
  const letters = lower.replace(/[^a-z]/g, '');
  const leet = [...lower].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  // Trailing look-alikes are usually a year or a counter ("Passw0rd2026"): read them as digits too.
  const leetCore = [...lower.replace(/[^a-z]+$/, '')].map((c) => LEET[c] ?? c).join('').replace(/[^a-z]/g, '');
  return [...new Set([letters, leet, leetCore])];
}

export interface PasswordContext {
  /** The account's username: a password containing it is refused. */
  username?: string;
  /** Its display name (when it has Latin letters, e.g. pinyin): refused likewise. */
  displayName?: string;
}

/**
 * Why a new password is not acceptable, in Chinese, or null: at least 8 characters from three of
 * the four classes, not a common password with digits and symbols around it, not containing the
 * username.
 */
export function passwordPolicyProblem(plain: string, who: PasswordContext = {}): string | null {
  if (plain.length < PASSWORD_MIN_LENGTH) return `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`;
  if (plain.length > PASSWORD_MAX_LENGTH) return `密码不能超过 ${PASSWORD_MAX_LENGTH} 个字符`;
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(plain)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  const lower = plain.toLowerCase();
  for (const name of [who.username, who.displayName]) {
    const n = name?.toLowerCase().replace(/[^a-z0-9]/g, '');
    if (n && n.length >= 3 && lower.replace(/[^a-z0-9]/g, '').includes(n)) return '密码不能包含用户名或姓名';
  }
  if (letterForms(plain).some((l) => COMMON.has(l))) return '密码过于常见（如 Password1、Admin@123 或演示密码），请换一个不易猜到的密码';
  if (/(.)\1{3,}/.test(plain)) return '密码不能包含 4 个以上连续相同的字符';
  return null;
}

/** Why the holder must change the password before doing anything else, or null. */
export type PasswordChangeReason = 'reset' | 'expired';

export function passwordChangeReason(
  user: { mustChangePassword: boolean; passwordChangedAt: Date },
  now: Date,
  maxAgeDays: number,
): PasswordChangeReason | null {
  if (user.mustChangePassword) return 'reset';
  if (maxAgeDays > 0 && now.getTime() - user.passwordChangedAt.getTime() >= maxAgeDays * 86_400_000) return 'expired';
  return null;
}
