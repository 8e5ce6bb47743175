/**
 * Who freezes, publishes and writes the narrative of an edition, and who sees drafts and the
 * differences from the live figures, for showing buttons (mirrors authorizeEditionManage and
 * canReadDraftEditions in src/domain/access/policy.ts, and bundleSource in
 * src/services/edition-bundle.ts for the bundle; the server decides again).
 */
import type { User } from '../api/client.js';

export const canEditions = {
  /** Signed-in users see drafts and the differences from the live figures; the public, published editions. */
  seeDrafts: (u: User | null) => !!u,
  /** Signed-in users download an edition's bundle (it holds every stage's programs); the public does not. */
  bundle: (u: User | null) => !!u,
  /** The coordination team freezes, publishes and writes the narrative. */
  manage: (u: User | null) => !!u && (u.role === 'admin' || u.role === 'coordinator'),
};
