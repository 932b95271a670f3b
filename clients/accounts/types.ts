import type { components } from './__generated__/accounts.ts';

/** A user account with its profile (contract schema `User`). */
export type User = components['schemas']['User'];
/** A user's public profile (contract schema `Profile`). */
export type Profile = components['schemas']['Profile'];
/** A postal address of a user (contract schema `Address`). */
export type Address = components['schemas']['Address'];
/** A change to some profile fields, at least one (contract schema `ProfilePatch`). */
export type ProfilePatch = components['schemas']['ProfilePatch'];
/** A supported BCP 47 locale. */
export type Locale = components['schemas']['Locale'];
/** A supported ISO 4217 currency. */
export type Currency = components['schemas']['Currency'];
/** Body of `GET /users`. */
export type UserBatch = components['schemas']['UserBatch'];
/** Body of `GET /addresses`. */
export type AddressList = components['schemas']['AddressList'];
