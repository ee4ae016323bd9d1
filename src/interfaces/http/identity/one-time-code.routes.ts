import type { OtpLoginHandler } from '../../../application/identity/otp-login.handler';
import type { PasswordResetHandler } from '../../../application/identity/password-reset.handler';
import { commandContext } from '../common/command-context.mapping';
import { defineRoute, type RouteDefinition } from '../shared';
import {
  otpSendBody,
  otpSentSchema,
  otpSessionSchema,
  otpVerifyBody,
  passwordResetBody,
  passwordResetConfirmBody,
  passwordResetDoneSchema,
  passwordResetRequestedSchema,
} from './one-time-code.schemas';

export interface OneTimeCodeHttpDependencies {
  readonly otpLogin: OtpLoginHandler;
  readonly passwordReset: PasswordResetHandler;
}

const tags = ['auth'];

/** Login by a code sent to a phone, and password reset by a code sent to the account's email or phone. */
export const oneTimeCodeRoutes = (deps: OneTimeCodeHttpDependencies): RouteDefinition[] => [
  defineRoute({
    method: 'post', path: '/api/auth/otp/send', operationId: 'sendLoginCode', tags, permission: 'public',
    summary: 'Send a login code by SMS',
    description:
      'Answers alike whether or not the phone has an account. 429 otp.resend_throttled within the resend interval; ' +
      '503 sms.unavailable if the SMS could not be sent (the code stays pending; ask again after the resend interval).',
    body: otpSendBody,
    responses: { 202: { description: 'The code is on its way', schema: otpSentSchema } },
    handler: async ({ body, context }) => ({ status: 202, body: await deps.otpLogin.sendLoginCode(body.phone, commandContext(context)) }),
  }),
  defineRoute({
    method: 'post', path: '/api/auth/otp/verify', operationId: 'verifyLoginCode', tags, permission: 'public',
    summary: 'Log in with the code sent by SMS (a phone without an account gets a consumer account)',
    description: '401 otp.invalid_code (with details.remainingAttempts), otp.expired, otp.too_many_attempts or otp.no_pending_code.',
    body: otpVerifyBody,
    responses: { 200: { description: 'Access and refresh tokens, and the user', schema: otpSessionSchema } },
    handler: async ({ body, context }) => ({
      status: 200,
      body: await deps.otpLogin.verifyLoginCode(body.phone, body.code, body.name, commandContext(context)),
    }),
  }),
  defineRoute({
    method: 'post', path: '/api/auth/password-reset', operationId: 'requestPasswordReset', tags, permission: 'public',
    summary: "Send a password reset code to the account's email or phone",
    description: 'Always 202, whether or not the account exists, so it cannot be used to find accounts.',
    body: passwordResetBody,
    responses: { 202: { description: 'If the account exists, a code is on its way', schema: passwordResetRequestedSchema } },
    handler: async ({ body, context }) => ({ status: 202, body: await deps.passwordReset.requestPasswordReset(body, commandContext(context)) }),
  }),
  defineRoute({
    method: 'post', path: '/api/auth/password-reset/confirm', operationId: 'confirmPasswordReset', tags, permission: 'public',
    summary: 'Choose a new password with the reset code; every session of the account ends',
    description:
      '422 user.weak_password leaves the code usable. Every other failure (unknown account, wrong, expired or used-up code) ' +
      'is the same 401 otp.invalid_code.',
    body: passwordResetConfirmBody,
    responses: { 200: { description: 'The password is changed', schema: passwordResetDoneSchema } },
    handler: async ({ body, context }) => ({
      status: 200,
      body: await deps.passwordReset.confirmPasswordReset(body, body.code, body.newPassword, commandContext(context)),
    }),
  }),
];
