import { describe, expect, it } from 'vitest';
import { evidenceShortfall } from '../../electron/shared/domain/gates';

describe('the evidence a move between stages normally needs', () => {
  it('is level 3 for leaving stage 4, whether the move stops at 5 or skips past it', () => {
    expect(evidenceShortfall(4, 5, 2)).toBe(3);
    expect(evidenceShortfall(3, 6, 1)).toBe(3);
    expect(evidenceShortfall(1, 7, null)).toBe(3);
  });

  it('is met at level 3 or above, and asked nowhere else', () => {
    expect(evidenceShortfall(4, 5, 3)).toBeUndefined();
    expect(evidenceShortfall(3, 6, 4)).toBeUndefined();
    expect(evidenceShortfall(3, 4, null)).toBeUndefined();
    expect(evidenceShortfall(5, 7, 1)).toBeUndefined();
  });
});
