import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords.js';

describe('isCommonPassword', () => {
  it('finds listed passwords in any case, and listed words with digits or signs added at the end', () => {
    for (const p of ['password1234', 'PASSWORD1234', 'qwerty123456', 'Sunflower2026!', 'iloveyou!!!!', 'dragon 1234567']) {
      expect(isCommonPassword(p), p).toBe(true);
    }
  });

  it('lets a phrase of one’s own pass', () => {
    for (const p of ['correct horse battery staple', 'Tiga-kata-rahasia-2026', 'kopi tubruk di Bogor pagi']) {
      expect(isCommonPassword(p), p).toBe(false);
    }
  });
});
