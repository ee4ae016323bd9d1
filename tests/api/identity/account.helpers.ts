import type { Test } from 'supertest';
import type { TestApp } from '../../support/test-app';

export const STRONG_PASSWORD = 'a long and unusual passphrase';

export interface SessionBody {
  readonly accessToken: string;
  readonly refreshToken: string;
  readonly user: {
    readonly id: string;
    readonly email: string | null;
    readonly phone: string | null;
    readonly name: string;
    readonly referralCode: string;
  };
  readonly position?: number;
}

let counter = 0;
/** A Kenyan mobile number in national form (07 and eight digits), new within this test file's app. */
export const uniquePhone = (): string => `07${10_000_000 + ++counter}`;
export const uniqueEmail = (label: string): string => `${label}-${++counter}@accounts.example`;

/** Self-registers an account (201 expected) and answers its session. */
export const registerAccount = async (app: TestApp, body: Record<string, unknown> = {}): Promise<SessionBody> => {
  const res = await app.http
    .post('/api/auth/register')
    .send({ name: 'Wanjiru Kamau', email: uniqueEmail('member'), password: STRONG_PASSWORD, ...body })
    .expect(201);
  return res.body as SessionBody;
};

export const login = (app: TestApp, credentials: Record<string, unknown>): Test => app.http.post('/api/auth/login').send(credentials);

export const refresh = (app: TestApp, refreshToken: string): Test => app.http.post('/api/auth/refresh').send({ refreshToken });
