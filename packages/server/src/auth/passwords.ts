import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (m=19 MiB, t=2, p=1: the OWASP minimum). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple';

/** Password policy: 10–128 characters with at least one letter and one digit. */
export function checkPasswordPolicy(password: string): PasswordProblem | null {
  if (password.length < 10) return 'too_short';
  if (password.length > 128) return 'too_long';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return 'too_simple';
  return null;
}

export const PASSWORD_PROBLEM_MESSAGES: Record<PasswordProblem, string> = {
  too_short: '密码至少 10 个字符',
  too_long: '密码最多 128 个字符',
  too_simple: '密码须同时包含字母和数字',
};
