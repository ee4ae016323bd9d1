import { WARRANTY_NUMBER_ALPHABET, WARRANTY_NUMBER_BODY_LENGTH } from './warranty-number';

/**
 * Claim numbers read like warranty numbers, from the same alphabet without look-alikes: `CL-` and two groups of
 * four, e.g. CL-7K3M-9QXT. Uniqueness is claimed through a stream, as for every unique key.
 */
export const CLAIM_NUMBER_ALPHABET = WARRANTY_NUMBER_ALPHABET;
export const CLAIM_NUMBER_BODY_LENGTH = WARRANTY_NUMBER_BODY_LENGTH;

const CLAIM_NUMBER_PATTERN = new RegExp(`^CL-[${CLAIM_NUMBER_ALPHABET}]{4}-[${CLAIM_NUMBER_ALPHABET}]{4}$`);

export const formatClaimNumber = (body: string): string => `CL-${body.slice(0, 4)}-${body.slice(4, 8)}`;

export const isClaimNumber = (value: string): boolean => CLAIM_NUMBER_PATTERN.test(value);

/** Upper-cases and trims, so a number typed as "cl-7k3m-9qxt " is found. */
export const normaliseClaimNumber = (input: string): string => input.trim().toUpperCase();
