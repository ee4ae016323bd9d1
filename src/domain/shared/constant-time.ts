/**
 * Compares two strings in time that depends only on their lengths, so a caller guessing a hashed code
 * learns nothing from how long a mismatch takes. Pure: the domain may not import node:crypto.
 */
export const constantTimeEquals = (a: string, b: string): boolean => {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a.charCodeAt(i % (a.length || 1)) || 0) ^ (b.charCodeAt(i % (b.length || 1)) || 0);
  return difference === 0;
};
