import type { DomainCommand, DomainEvent } from '../shared/event';

export const userStreamId = (userId: string): string => `user-${userId}`;

/** A built-in role name or the name of an admin-defined custom role. */
export type RoleName = string;

export type LoginMethod = 'password' | 'otp';
export type PasswordChangeReason = 'changed' | 'reset' | 'set_by_admin';
export type LoginFailureReason = 'wrong_password' | 'deactivated';

export interface RegistrationData {
  readonly userId: string;
  /** Lower-cased; at least one of email and phone is present. */
  readonly email: string | null;
  /** E.164 (`+254712345678`). */
  readonly phone: string | null;
  readonly name: string;
  readonly role: RoleName;
  /** The tenant (Amsol client) a tenant-scoped user belongs to; null for everyone else. */
  readonly tenantId: string | null;
  /** Null for users who sign in by one-time code only. */
  readonly passwordHash: string | null;
  /** This user's own code to invite others with. */
  readonly referralCode: string | null;
  /** The user whose referral code was given at registration. */
  readonly referredBy: string | null;
  readonly registeredAt: string;
  readonly registeredBy: string | null;
}

export interface ProfileChanges {
  readonly name?: string | undefined;
  readonly email?: string | null | undefined;
  readonly phone?: string | null | undefined;
}

export type RegisterUser = DomainCommand<'RegisterUser', RegistrationData>;
export type ChangeUserProfile = DomainCommand<
  'ChangeUserProfile',
  { readonly userId: string; readonly changes: ProfileChanges; readonly changedAt: string; readonly changedBy: string | null }
>;
export type ChangeUserPassword = DomainCommand<
  'ChangeUserPassword',
  {
    readonly userId: string;
    readonly passwordHash: string;
    readonly reason: PasswordChangeReason;
    readonly changedAt: string;
    readonly changedBy: string | null;
  }
>;
export type ChangeUserRole = DomainCommand<
  'ChangeUserRole',
  {
    readonly userId: string;
    readonly role: RoleName;
    readonly tenantId: string | null;
    readonly changedAt: string;
    readonly changedBy: string | null;
  }
>;
export type DeactivateUser = DomainCommand<
  'DeactivateUser',
  { readonly userId: string; readonly reason: string | null; readonly deactivatedAt: string; readonly deactivatedBy: string | null }
>;
export type ReactivateUser = DomainCommand<
  'ReactivateUser',
  { readonly userId: string; readonly reactivatedAt: string; readonly reactivatedBy: string | null }
>;
export type RecordLoginFailure = DomainCommand<
  'RecordLoginFailure',
  { readonly userId: string; readonly reason: LoginFailureReason; readonly at: string }
>;
export type RevokeUserSessions = DomainCommand<
  'RevokeUserSessions',
  { readonly userId: string; readonly reason: string; readonly at: string; readonly by: string | null }
>;
export type UserCommand =
  | RegisterUser
  | ChangeUserProfile
  | ChangeUserPassword
  | ChangeUserRole
  | DeactivateUser
  | ReactivateUser
  | RecordLoginFailure
  | RevokeUserSessions;

export type UserRegistered = DomainEvent<'UserRegistered', RegistrationData>;
export type UserProfileChanged = DomainEvent<'UserProfileChanged', ChangeUserProfile['data']>;
export type UserPasswordChanged = DomainEvent<'UserPasswordChanged', ChangeUserPassword['data']>;
export type UserRoleChanged = DomainEvent<
  'UserRoleChanged',
  ChangeUserRole['data'] & { readonly previousRole: RoleName; readonly previousTenantId: string | null }
>;
export type UserDeactivated = DomainEvent<'UserDeactivated', DeactivateUser['data']>;
export type UserReactivated = DomainEvent<'UserReactivated', ReactivateUser['data']>;
export type UserLoginFailed = DomainEvent<'UserLoginFailed', RecordLoginFailure['data']>;
/** Every session started before this event is over: their refresh tokens stop working. */
export type UserSessionsRevoked = DomainEvent<'UserSessionsRevoked', RevokeUserSessions['data'] & { readonly sessionEpoch: number }>;
export type UserEvent =
  | UserRegistered
  | UserProfileChanged
  | UserPasswordChanged
  | UserRoleChanged
  | UserDeactivated
  | UserReactivated
  | UserLoginFailed
  | UserSessionsRevoked;

export type UserAccount = Pick<
  RegistrationData,
  'userId' | 'email' | 'phone' | 'name' | 'role' | 'tenantId' | 'passwordHash' | 'referralCode' | 'registeredAt'
> & {
  /** Bumped whenever all sessions are revoked; a session started under an older epoch is over. */
  readonly sessionEpoch: number;
};

export type UserState =
  | { readonly status: 'none' }
  | ({ readonly status: 'active' } & UserAccount)
  | ({ readonly status: 'deactivated'; readonly deactivatedAt: string } & UserAccount);
