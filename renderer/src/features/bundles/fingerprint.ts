/** A fingerprint as people compare it aloud: groups of four hex digits, always left to right. */
export const groupFingerprint = (hex: string) => `\u2066${hex.match(/.{1,4}/g)!.join(' ')}\u2069`;
