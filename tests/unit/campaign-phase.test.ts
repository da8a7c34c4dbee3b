/** What a campaign's list line says and what adding an idea meets are one rule (electron/shared/domain/ideas.ts). */
import { expect, it } from 'vitest';
import { campaignPhase } from '../../electron/shared/domain/ideas';

it('a campaign takes ideas only while open and between its dates', () => {
  const january = { opensOn: '2025-01-01', closesOn: '2025-01-31' };
  expect(campaignPhase({ state: 'open', ...january }, '2025-01-15')).toBe('open');
  expect(campaignPhase({ state: 'open', ...january }, '2024-12-31')).toBe('notYetOpen');
  expect(campaignPhase({ state: 'open', ...january }, '2026-11-29')).toBe('pastClosing');
  expect(campaignPhase({ state: 'closed', ...january }, '2025-01-15')).toBe('closed');
  expect(campaignPhase({ state: 'open', opensOn: null, closesOn: null }, '2026-11-29')).toBe('open');
});
