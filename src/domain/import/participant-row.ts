/** One row of the participants spreadsheet → the program it belongs to and a participant request. */
import type { ParticipantRequest } from '../participant/participant.schema.js';
import type { Cells } from './program-row.js';
import type { ParticipantColumn } from './csv-columns.js';

export interface ParticipantRowResult {
  readonly activityIdentifier: string;
  readonly request: ParticipantRequest;
}

const cell = (cells: Cells<ParticipantColumn>, c: ParticipantColumn): string | undefined => {
  const v = cells.get(c)?.trim();
  return v === undefined || v === '' ? undefined : v;
};

export function participantRowToRequest(cells: Cells<ParticipantColumn>): ParticipantRowResult {
  const request: ParticipantRequest = {
    fullName: cells.get('full_name') ?? '',
    country: cells.get('country') ?? '',
    ...(cell(cells, 'sex') ? { sex: cell(cells, 'sex') } : {}),
    ...(cells.has('organisation') ? { organisation: cell(cells, 'organisation') ?? null } : {}),
    ...(cells.has('position') ? { position: cell(cells, 'position') ?? null } : {}),
    ...(cells.has('email') ? { email: cell(cells, 'email') ?? null } : {}),
    ...(cell(cells, 'status') ? { status: cell(cells, 'status') } : {}),
  };
  return { activityIdentifier: (cells.get('activity_identifier') ?? '').trim(), request };
}

/** The spreadsheet column of a participant field path. */
export function columnOfParticipantPath(path: string): ParticipantColumn {
  const head = path.split('.')[0];
  switch (head) {
    case 'fullName':
      return 'full_name';
    case 'sex':
      return 'sex';
    case 'country':
      return 'country';
    case 'organisation':
      return 'organisation';
    case 'position':
      return 'position';
    case 'email':
      return 'email';
    case 'status':
      return 'status';
    default:
      return 'activity_identifier';
  }
}
