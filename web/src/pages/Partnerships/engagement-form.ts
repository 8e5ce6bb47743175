/**
 * The engagement forms' state, what they send, and their checks: the API's own schema and the
 * domain's rules (dates in order, a follow-up needs an owner), so that the form and the server
 * name the same fields with the same codes. The free texts have an optional Indonesian variant
 * (`…Id`), always sent with them: a text changed without its variant would drop the stored one.
 */
import { flagshipAreas } from '../../../../src/domain/codes.js';
import { checkEngagementDates, checkFollowUp } from '../../../../src/domain/partnership/engagement.js';
import {
  engagementInputSchema,
  engagementPatchSchema,
  followUpInputSchema,
  itemInputSchema,
} from '../../../../src/domain/partnership/partnership.schema.js';
import type { Engagement, EngagementBody, EngagementItemBody, EngagementPatchBody, FollowUpBody } from '../../api/partnership-queries.js';
import { addIssues, addSchemaErrors, requireText, type FieldErrors } from '../../components/field-errors.js';
import { codeOrNull, orNull } from '../../components/form-values.js';

type Kind = EngagementBody['kind'];
type Side = EngagementItemBody['side'];
type ItemKind = EngagementItemBody['kind'];

export interface ItemFormState {
  side: Side;
  kind: ItemKind;
  description: string;
  descriptionId: string;
  flagshipArea: string;
  country: string;
}

export interface FollowUpFormState {
  action: string;
  actionId: string;
  owner: string;
  dueOn: string;
}

/** The engagement's own fields (the ones the edit form changes too). */
export interface EngagementFieldsState {
  kind: Kind;
  title: string;
  titleId: string;
  startsOn: string;
  endsOn: string;
  place: string;
  country: string;
  partnerOrg: string;
  counterpart: string;
  delegation: string;
  purpose: string;
  purposeId: string;
  outcome: string;
  ownerOrg: string;
}

export interface EngagementFormState extends EngagementFieldsState {
  items: ItemFormState[];
  followUps: FollowUpFormState[];
}

export const emptyItem = (): ItemFormState => ({
  side: 'theirs',
  kind: 'offer',
  description: '',
  descriptionId: '',
  flagshipArea: '',
  country: '',
});
export const emptyFollowUp = (): FollowUpFormState => ({ action: '', actionId: '', owner: '', dueOn: '' });

export function emptyEngagementForm(): EngagementFormState {
  return {
    kind: 'visit',
    title: '',
    titleId: '',
    startsOn: '',
    endsOn: '',
    place: '',
    country: '',
    partnerOrg: '',
    counterpart: '',
    delegation: '',
    purpose: '',
    purposeId: '',
    outcome: '',
    ownerOrg: '',
    items: [],
    followUps: [],
  };
}

/** The edit form's starting point: the engagement as stored. */
export function fieldsOf(e: Engagement): EngagementFieldsState {
  return {
    kind: e.kind,
    title: e.title,
    titleId: e.titleId ?? '',
    startsOn: e.startsOn,
    endsOn: e.endsOn ?? '',
    place: e.place ?? '',
    country: e.country ?? '',
    partnerOrg: e.partnerOrg ?? '',
    counterpart: e.counterpart ?? '',
    delegation: e.delegation ?? '',
    purpose: e.purpose ?? '',
    purposeId: e.purposeId ?? '',
    outcome: e.outcome ?? '',
    ownerOrg: e.ownerOrg ?? '',
  };
}

/** An item as the API takes it. */
export function toItemBody(i: ItemFormState): EngagementItemBody {
  return {
    side: i.side,
    kind: i.kind,
    description: i.description.trim(),
    descriptionId: orNull(i.descriptionId),
    flagshipArea: codeOrNull(flagshipAreas, i.flagshipArea),
    country: orNull(i.country),
  };
}

export function toFollowUpBody(f: FollowUpFormState): FollowUpBody {
  return { action: f.action.trim(), actionId: orNull(f.actionId), owner: orNull(f.owner), dueOn: orNull(f.dueOn) };
}

/**
 * The engagement's own fields as the API takes them, empty ones as null. `ownerOrg` is sent only
 * when the user may choose it (the coordination team): an agency owns what it records and may
 * not hand it on.
 */
function fieldsBody(s: EngagementFieldsState, chooseOwner: boolean) {
  return {
    kind: s.kind,
    title: s.title.trim(),
    titleId: orNull(s.titleId),
    startsOn: s.startsOn,
    endsOn: orNull(s.endsOn),
    place: orNull(s.place),
    country: orNull(s.country),
    partnerOrg: orNull(s.partnerOrg),
    counterpart: orNull(s.counterpart),
    delegation: orNull(s.delegation),
    purpose: orNull(s.purpose),
    purposeId: orNull(s.purposeId),
    outcome: orNull(s.outcome),
    ...(chooseOwner ? { ownerOrg: orNull(s.ownerOrg) } : {}),
  };
}

/** The body of PATCH /engagements/:id: every field (the form shows them all). */
export const toPatchBody = (s: EngagementFieldsState, chooseOwner: boolean): EngagementPatchBody => fieldsBody(s, chooseOwner);

/** The body of POST /engagements, with its offers, requests and follow-ups. */
export function toEngagementBody(s: EngagementFormState, chooseOwner: boolean): EngagementBody {
  return { ...fieldsBody(s, chooseOwner), items: s.items.map(toItemBody), followUps: s.followUps.map(toFollowUpBody) };
}

/** Field errors of the engagement's own fields, by path. */
export function validateEngagementFields(s: EngagementFieldsState, chooseOwner: boolean): FieldErrors {
  const errors: FieldErrors = new Map();
  requireText(errors, 'title', s.title);
  requireText(errors, 'startsOn', s.startsOn);
  addSchemaErrors(errors, engagementPatchSchema.safeParse(toPatchBody(s, chooseOwner)));
  if (!errors.has('startsOn') && !errors.has('endsOn'))
    addIssues(errors, checkEngagementDates({ startsOn: s.startsOn, endsOn: orNull(s.endsOn) }));
  return errors;
}

export function validateItem(i: ItemFormState, prefix = ''): FieldErrors {
  return addSchemaErrors(new Map(), itemInputSchema.safeParse(toItemBody(i)), { prefix });
}

/** A follow-up's errors: the schema, then the domain's rule (something to do, an owner, a real day). */
export function validateFollowUp(f: FollowUpFormState, prefix = ''): FieldErrors {
  const errors = addSchemaErrors(new Map(), followUpInputSchema.safeParse(toFollowUpBody(f)), { prefix });
  const body = toFollowUpBody(f);
  return addIssues(
    errors,
    checkFollowUp({ action: body.action, owner: body.owner ?? null, dueOn: body.dueOn ?? null, status: 'open' }, prefix),
  );
}

/** Every error of the new-engagement form, with the server's paths (`items.0.description`, `followUps.1.owner`). */
export function validateEngagementForm(s: EngagementFormState, chooseOwner: boolean): FieldErrors {
  const errors = validateEngagementFields(s, chooseOwner);
  s.items.forEach((i, n) => validateItem(i, `items.${n}`).forEach((v, k) => errors.set(k, v)));
  s.followUps.forEach((f, n) => validateFollowUp(f, `followUps.${n}`).forEach((v, k) => errors.set(k, v)));
  // The whole body last: anything the pieces missed (a limit on the number of rows).
  return addSchemaErrors(errors, engagementInputSchema.safeParse(toEngagementBody(s, chooseOwner)));
}
