import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password.js';

describe('passwordProblem', () => {
  it('accepts a long password of varied characters', () => {
    expect(passwordProblem('Tiga-kata-rahasia-2026')).toBeNull();
  });

  it('names the first rule broken when a password is short, long, repetitive or contains the email name', () => {
    expect(passwordProblem('pendek')).toBe('tooShort');
    expect(passwordProblem('x'.repeat(257) + 'abcde')).toBe('tooLong');
    expect(passwordProblem('abababababababab')).toBe('tooSimple');
    expect(passwordProblem('Sari-dari-Kemenkes-2026', 'sari@kemenkes.go.id')).toBe('containsEmail');
    expect(passwordProblem('Sari-dari-Kemenkes-2026')).toBeNull();
  });
});
