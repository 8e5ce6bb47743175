/**
 * Queries and mutations of the partnership pages: partners, agreements (with their documents and
 * programs), timelines and the coordinator's attention list. The engagement pages add theirs below.
 */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call, postForm, queryString, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type PartnerSummary = Schemas['PartnerSummary'];
export type PartnerList = Schemas['PartnerList'];
export type PartnerDetail = Schemas['PartnerDetail'];
export type Agreement = Schemas['Agreement'];
export type AgreementDetail = Schemas['AgreementDetail'];
export type AgreementDocument = Schemas['AgreementDocument'];
export type PartnershipProgram = Schemas['PartnershipProgram'];
export type RenewalState = Schemas['RenewalState'];
export type PartnershipTimeline = Schemas['PartnershipTimeline'];
export type TimelineItem = PartnershipTimeline['items'][number];
export type PartnershipAttention = Schemas['PartnershipAttention'];
export type Engagement = Schemas['Engagement'];
export type FollowUp = Schemas['FollowUp'];
export type FollowUpRow = Schemas['FollowUpRow'];
export type PartnerListParams = NonNullable<paths['/api/v1/partners']['get']['parameters']['query']>;
export type PartnerProfileBody = paths['/api/v1/partners/{code}/contacts']['put']['requestBody']['content']['application/json'];
export type AgreementListParams = NonNullable<paths['/api/v1/agreements']['get']['parameters']['query']>;
export type AgreementBody = paths['/api/v1/agreements']['post']['requestBody']['content']['application/json'];
export type AgreementPatchBody = paths['/api/v1/agreements/{id}']['patch']['requestBody']['content']['application/json'];
export type AgreementStepBody = paths['/api/v1/agreements/{id}/status']['post']['requestBody']['content']['application/json'];
export type AgreementKind = Agreement['kind'];
export type AgreementStatus = Agreement['status'];
export type TableFormat = 'csv' | 'xlsx';

/** The keys of every partnership view: a change anywhere reloads them all (counts, timelines, attention). */
const PARTNERSHIP_KEYS = [
  'partners',
  'partner',
  'partner-timeline',
  'country-partnership-timeline',
  'partnership-attention',
  'program-partnership',
  'agreements',
  'agreement',
  'engagements',
  'engagement',
  'follow-ups',
];

export function invalidatePartnerships(client: QueryClient): void {
  void client.invalidateQueries({ predicate: (q) => PARTNERSHIP_KEYS.includes(String(q.queryKey[0])) });
}

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

// ---- partners ----

export const usePartners = (params: PartnerListParams) =>
  useQuery({
    queryKey: ['partners', params],
    queryFn: () => call(api.GET('/api/v1/partners', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** Where the browser downloads the partner list of a filter, in the UI language. */
export const partnersExportUrl = (params: Omit<PartnerListParams, 'all'>, format: TableFormat, lang: string) =>
  `/api/v1/partners/export${queryString({ ...params, format, lang: lang === 'id' ? 'id' : 'en' })}`;

export const usePartner = (code: string, enabled = true) =>
  useQuery({
    queryKey: ['partner', code],
    queryFn: () => call(api.GET('/api/v1/partners/{code}', { params: { path: { code } } })),
    enabled,
  });

export function useSavePartnerProfile(code: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PartnerProfileBody) => call(api.PUT('/api/v1/partners/{code}/contacts', { params: { path: { code } }, body })),
    onSuccess: (detail) => {
      client.setQueryData(['partner', code], detail);
      void client.invalidateQueries({ queryKey: ['partners'] });
    },
  });
}

// ---- timelines and attention ----

export const usePartnerTimeline = (code: string, enabled = true) =>
  useQuery({
    queryKey: ['partner-timeline', code],
    queryFn: () => call(api.GET('/api/v1/partners/{code}/timeline', { params: { path: { code } } })),
    enabled,
  });

export const useCountryPartnershipTimeline = (country: string, enabled = true) =>
  useQuery({
    queryKey: ['country-partnership-timeline', country],
    queryFn: () => call(api.GET('/api/v1/countries/{country}/partnership-timeline', { params: { path: { country } } })),
    enabled,
  });

export const usePartnershipAttention = (enabled = true) =>
  useQuery({ queryKey: ['partnership-attention'], queryFn: () => call(api.GET('/api/v1/partnerships/attention')), enabled });

// ---- agreements ----

export const useAgreements = (params: AgreementListParams) =>
  useQuery({
    queryKey: ['agreements', params],
    queryFn: () => call(api.GET('/api/v1/agreements', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** Where the browser downloads the agreements of a filter (every page), in the UI language. */
export const agreementsExportUrl = (params: Omit<AgreementListParams, 'page' | 'pageSize'>, format: TableFormat, lang: string) =>
  `/api/v1/agreements/export${queryString({ ...params, format, lang: lang === 'id' ? 'id' : 'en' })}`;

export const useAgreement = (id: number) =>
  useQuery({ queryKey: ['agreement', id], queryFn: () => call(api.GET('/api/v1/agreements/{id}', { params: { path: { id } } })) });

export function useCreateAgreement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AgreementBody) => call(api.POST('/api/v1/agreements', { body })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Changes fields, sending the version the user saw (If-Match): a change made meanwhile is a conflict, not an overwrite. */
export function usePatchAgreement(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: AgreementPatchBody }) =>
      call(api.PATCH('/api/v1/agreements/{id}', { params: { path: { id } }, headers: ifMatch(version), body })),
    onSuccess: () => invalidatePartnerships(client),
    // A refusal may mean the page shows an old state: fetch the current one.
    onError: () => void client.invalidateQueries({ queryKey: ['agreement', id] }),
  });
}

export function useAgreementStep(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: AgreementStepBody }) =>
      call(api.POST('/api/v1/agreements/{id}/status', { params: { path: { id } }, headers: ifMatch(version), body })),
    onSuccess: () => invalidatePartnerships(client),
    onError: () => void client.invalidateQueries({ queryKey: ['agreement', id] }),
  });
}

export function useLinkAgreementProgram(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (identifier: string) =>
      call(api.POST('/api/v1/agreements/{id}/programs', { params: { path: { id } }, body: { identifier } })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

export function useUnlinkAgreementProgram(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (activityId: number) =>
      call(api.DELETE('/api/v1/agreements/{id}/programs/{activityId}', { params: { path: { id, activityId } } })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/**
 * Uploads a document as multipart/form-data (fields "title" and "public" before the file "file").
 * Sent with postForm, as the typed client has no multipart body for this endpoint.
 */
export function useUploadAgreementDocument(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ title, isPublic, file }: { title: string; isPublic: boolean; file: File }): Promise<AgreementDocument> => {
      const form = new FormData();
      form.append('title', title);
      form.append('public', isPublic ? 'true' : 'false');
      form.append('file', file, file.name);
      return postForm<AgreementDocument>(`/api/v1/agreements/${id}/documents`, form); // 201: the document's metadata
    },
    onSuccess: () => invalidatePartnerships(client),
  });
}

export function useSetAgreementDocumentPublic() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, isPublic }: { documentId: number; isPublic: boolean }) =>
      call(api.PATCH('/api/v1/agreement-documents/{id}', { params: { path: { id: documentId } }, body: { isPublic } })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Where the browser downloads an agreement document (always an attachment). */
export const agreementDocumentUrl = (documentId: number) => `/api/v1/agreement-documents/${documentId}`;

// ---- engagements and follow-ups ----

export type EngagementItem = Engagement['items'][number];
export type EngagementListParams = NonNullable<paths['/api/v1/engagements']['get']['parameters']['query']>;
export type EngagementBody = paths['/api/v1/engagements']['post']['requestBody']['content']['application/json'];
export type EngagementPatchBody = paths['/api/v1/engagements/{id}']['patch']['requestBody']['content']['application/json'];
export type EngagementItemBody = paths['/api/v1/engagements/{id}/items']['post']['requestBody']['content']['application/json'];
export type ItemProgramBody = paths['/api/v1/engagement-items/{id}/program']['post']['requestBody']['content']['application/json'];
export type FollowUpBody = paths['/api/v1/engagements/{id}/follow-ups']['post']['requestBody']['content']['application/json'];
export type FollowUpPatchBody = paths['/api/v1/follow-ups/{id}']['patch']['requestBody']['content']['application/json'];
export type FollowUpListParams = NonNullable<paths['/api/v1/follow-ups']['get']['parameters']['query']>;
export type ProgramPartnership = paths['/api/v1/activities/{id}/partnership']['get']['responses']['200']['content']['application/json'];

export const useEngagements = (params: EngagementListParams) =>
  useQuery({
    queryKey: ['engagements', params],
    queryFn: () => call(api.GET('/api/v1/engagements', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** Where the browser downloads the engagements of a filter (every page), in the UI language. */
export const engagementsExportUrl = (params: Omit<EngagementListParams, 'page' | 'pageSize'>, format: TableFormat, lang: string) =>
  `/api/v1/engagements/export${queryString({ ...params, format, lang: lang === 'id' ? 'id' : 'en' })}`;

export const useEngagement = (id: number) =>
  useQuery({ queryKey: ['engagement', id], queryFn: () => call(api.GET('/api/v1/engagements/{id}', { params: { path: { id } } })) });

export function useCreateEngagement() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EngagementBody) => call(api.POST('/api/v1/engagements', { body })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Changes fields, sending the version the user saw (If-Match): a change made meanwhile is a conflict, not an overwrite. */
export function usePatchEngagement(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ version, body }: { version: number; body: EngagementPatchBody }) =>
      call(api.PATCH('/api/v1/engagements/{id}', { params: { path: { id } }, headers: ifMatch(version), body })),
    onSuccess: () => invalidatePartnerships(client),
    // A refusal may mean the page shows an old state: fetch the current one.
    onError: () => void client.invalidateQueries({ queryKey: ['engagement', id] }),
  });
}

export function useAddEngagementItem(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: EngagementItemBody) => call(api.POST('/api/v1/engagements/{id}/items', { params: { path: { id } }, body })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

export function useDeleteEngagementItem() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (itemId: number) => call(api.DELETE('/api/v1/engagement-items/{id}', { params: { path: { id: itemId } } })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Turns an offer or a request into a program request: a new program, so every program view reloads too. */
export function useItemToProgram() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: number; body: ItemProgramBody }) =>
      call(api.POST('/api/v1/engagement-items/{id}/program', { params: { path: { id: itemId } }, body })),
    onSuccess: () => void client.invalidateQueries({ predicate: (q) => String(q.queryKey[0]) !== 'session' }),
  });
}

export function useAddFollowUp(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: FollowUpBody) => call(api.POST('/api/v1/engagements/{id}/follow-ups', { params: { path: { id } }, body })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Marks a follow-up done or cancelled, or moves its due day (the engagement's editors and the follow-up's owner). */
export function usePatchFollowUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ followUpId, body }: { followUpId: number; body: FollowUpPatchBody }) =>
      call(api.PATCH('/api/v1/follow-ups/{id}', { params: { path: { id: followUpId } }, body })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

export const useFollowUps = (params: FollowUpListParams) =>
  useQuery({
    queryKey: ['follow-ups', params],
    queryFn: () => call(api.GET('/api/v1/follow-ups', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

/** Where the browser downloads the follow-ups of a filter (every page), in the UI language. */
export const followUpsExportUrl = (params: Omit<FollowUpListParams, 'page' | 'pageSize'>, format: TableFormat, lang: string) =>
  `/api/v1/follow-ups/export${queryString({ ...params, format, lang: lang === 'id' ? 'id' : 'en' })}`;

/** The engagements a program came from and the agreements it is carried out under (empty for readers outside the Indonesian side). */
export const useProgramPartnership = (activityId: number, enabled = true) =>
  useQuery({
    queryKey: ['program-partnership', activityId],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/partnership', { params: { path: { id: activityId } } })),
    enabled,
  });

/** Deletes an agreement recorded by mistake (a draft or under negotiation; the server decides again). */
export function useDeleteAgreement(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(api.DELETE('/api/v1/agreements/{id}', { params: { path: { id } }, headers: ifMatch(version) })),
    onSuccess: () => invalidatePartnerships(client),
  });
}

/** Deletes an engagement recorded by mistake (not once an item became a program request). */
export function useDeleteEngagement(id: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (version: number) => call(api.DELETE('/api/v1/engagements/{id}', { params: { path: { id } }, headers: ifMatch(version) })),
    onSuccess: () => invalidatePartnerships(client),
  });
}
