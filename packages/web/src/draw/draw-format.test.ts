import { describe, expect, it } from 'vitest';
import type { TaskDto } from '@ssj/server/api-types';
import { countBatches, normalizeSeedDigits, shortenHash, shortenTicket } from './draw-format.ts';

describe('draw formatting', () => {
  it('shortens tickets and hashes but keeps short ones whole', () => {
    const ticket = '0.009934031325709608170719187208058288571499313018272441730360622318620662525301';
    expect(shortenTicket(ticket)).toBe('0.00993403…525301');
    expect(shortenTicket('0.1234')).toBe('0.1234');
    expect(shortenHash('a'.repeat(64))).toBe(`${'a'.repeat(8)}…${'a'.repeat(8)}`);
  });

  it('reads dice digits typed in groups and refuses anything but digits', () => {
    expect(normalizeSeedDigits('3141 5926-5358\t9793')).toBe('3141592653589793');
    expect(normalizeSeedDigits('')).toBe('');
    expect(normalizeSeedDigits('3141 59a6')).toBeNull();
    expect(normalizeSeedDigits('３１４')).toBeNull();
  });

  it('counts a task’s batches from its most frequent line', () => {
    const line = { matters: [], scope: null, ratio: null, minCount: null, approxCount: null, window: null };
    const task = (times: (number | null)[]) =>
      ({ lines: times.map((timesPerYear) => ({ ...line, timesPerYear })) }) as unknown as TaskDto;
    expect(countBatches(task([]))).toBe(1);
    expect(countBatches(task([null]))).toBe(1);
    expect(countBatches(task([1, 2]))).toBe(2);
  });
});
