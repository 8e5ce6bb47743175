import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.js';
import { staleDetails } from './ConflictPanel.js';

const problem = (details: unknown) => new ApiError(409, 'activity.stale', 'changed', [], { code: 'activity.stale', details });

describe('staleDetails', () => {
  it('reads the current version and the other changes from a stale-version problem', () => {
    const details = staleDetails(
      problem({
        currentVersion: 3,
        yourVersion: 2,
        changes: [
          {
            version: 3,
            at: '2026-01-01T10:00:00Z',
            actor: 'ayu@example.org',
            action: 'update',
            changes: { titleEn: { before: 'A', after: 'B' } },
          },
        ],
      }),
    );
    expect(details).toEqual({
      currentVersion: 3,
      yourVersion: 2,
      changes: [
        {
          version: 3,
          at: '2026-01-01T10:00:00Z',
          actor: 'ayu@example.org',
          action: 'update',
          changes: { titleEn: { before: 'A', after: 'B' } },
        },
      ],
    });
  });

  it('is null for other problems and for a stale problem without a current version', () => {
    expect(staleDetails(new ApiError(409, 'activity.identifier_taken', 'taken'))).toBeNull();
    expect(staleDetails(problem(undefined))).toBeNull();
    expect(staleDetails(new Error('x'))).toBeNull();
  });
});
