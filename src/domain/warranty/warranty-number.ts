/**
 * Warranty numbers people read aloud and type from a certificate: `WR-` and two groups of four characters from an
 * alphabet without look-alikes (no 0/O, 1/I/L, U), e.g. WR-7K3M-9QXT. 30^8 values; uniqueness is still claimed
 * through a stream, as for every unique key.
 */
export const WARRANTY_NUMBER_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const WARRANTY_NUMBER_BODY_LENGTH = 8;

const WARRANTY_NUMBER_PATTERN = new RegExp(`^WR-[${WARRANTY_NUMBER_ALPHABET}]{4}-[${WARRANTY_NUMBER_ALPHABET}]{4}$`);

/** `WR-XXXX-XXXX` from eight characters of the alphabet. */
export const formatWarrantyNumber = (body: string): string => `WR-${body.slice(0, 4)}-${body.slice(4, 8)}`;

export const isWarrantyNumber = (value: string): boolean => WARRANTY_NUMBER_PATTERN.test(value);

/** Upper-cases and trims, so a number typed as "wr-7k3m-9qxt " is found. */
export const normaliseWarrantyNumber = (input: string): string => input.trim().toUpperCase();
