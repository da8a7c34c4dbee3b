/**
 * Workshop secrets from the CSPRNG: the join secret (144 bits, in the join link) and each
 * participant's token (256 bits). Only a token's SHA-256 is stored, so a copy of the database does
 * not let anyone act as a participant.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export const newSecret = () => randomBytes(18).toString('base64url');
export const newToken = () => randomBytes(32).toString('base64url');
export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Compares secrets in constant time (their hashes have equal length whatever was sent). */
export const sameSecret = (a: string, b: string) => timingSafeEqual(Buffer.from(hashToken(a), 'hex'), Buffer.from(hashToken(b), 'hex'));
