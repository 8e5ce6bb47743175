/** Queries and mutations of the course offer pages: catalogue, offer, nominations, review and "my nominations". */
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, call, postForm, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type CourseOffer = Schemas['CourseOffer'];
export type CatalogueEntry = Schemas['CatalogueEntry'];
export type Nomination = Schemas['Nomination'];
export type ParticipantDocument = Schemas['ParticipantDocument'];
export type OfferView = paths['/api/v1/offers/{id}']['get']['responses']['200']['content']['application/json'];
export type CatalogueParams = NonNullable<paths['/api/v1/offers']['get']['parameters']['query']>;
export type OfferBody = paths['/api/v1/activities/{id}/offer']['put']['requestBody']['content']['application/json'];
export type ReviewParams = NonNullable<paths['/api/v1/offers/{id}/nominations']['get']['parameters']['query']>;
export type ReviewList = paths['/api/v1/offers/{id}/nominations']['get']['responses']['200']['content']['application/json'];
export type ReviewBody = paths['/api/v1/offers/{id}/nominations/review']['post']['requestBody']['content']['application/json'];
export type ReviewChange = ReviewBody['changes'][number];
export type SelectResult = paths['/api/v1/offers/{id}/select-within-quotas']['post']['responses']['200']['content']['application/json'];
export type MyNominationsParams = NonNullable<paths['/api/v1/my/nominations']['get']['parameters']['query']>;
export type MyNomination = paths['/api/v1/my/nominations']['get']['responses']['200']['content']['application/json']['items'][number];
export type StatusEvent = MyNomination['events'][number];
export type ParticipantHistory = paths['/api/v1/participants/{id}/history']['get']['responses']['200']['content']['application/json'];
export type NominationCreated = paths['/api/v1/offers/{id}/nominations']['post']['responses']['201']['content']['application/json'];

/** What the nomination form sends as the JSON field "data" (nominationInputSchema). */
export interface NominationData {
  fullName: string;
  sex: 'F' | 'M' | 'X';
  country: string;
  organisation: string | null;
  position: string | null;
  email: string;
  phone: string | null;
  consent: boolean;
}

export const useCatalogue = (params: CatalogueParams) =>
  useQuery({
    queryKey: ['offers', params],
    queryFn: () => call(api.GET('/api/v1/offers', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useOffer = (id: number) =>
  useQuery({ queryKey: ['offer', id], queryFn: () => call(api.GET('/api/v1/offers/{id}', { params: { path: { id } } })) });

/**
 * The offer of a program, if the user may see it: the catalogue has no program filter, so it is
 * searched by the program's identifier (the text search covers it) and matched by id.
 */
export const useProgramOffer = (programId: number, enabled = true) =>
  useQuery({
    queryKey: ['offers', 'program', programId],
    queryFn: async () => (await call(api.GET('/api/v1/activities/{id}/offer', { params: { path: { id: programId } } }))).offer,
    enabled,
  });

/** Every view of offers and nominations reloads after a change (lists, counts, the program page). */
function invalidateOffers(client: QueryClient): void {
  void client.invalidateQueries({
    predicate: (q) =>
      ['offers', 'offer', 'offer-nominations', 'my-nominations', 'participant-history', 'participant-documents', 'participants'].includes(
        String(q.queryKey[0]),
      ),
  });
}

/** Opens a program for nominations, or changes its offer (the whole offer: PUT). */
export function useSaveOffer(programId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: OfferBody) => call(api.PUT('/api/v1/activities/{id}/offer', { params: { path: { id: programId } }, body })),
    onSuccess: () => invalidateOffers(client),
  });
}

export function useOfferStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'close' | 'reopen' }) =>
      action === 'close'
        ? call(api.POST('/api/v1/offers/{id}/close', { params: { path: { id } } }))
        : call(api.POST('/api/v1/offers/{id}/reopen', { params: { path: { id } } })),
    onSuccess: () => invalidateOffers(client),
  });
}

/**
 * Nominates a candidate as multipart/form-data: the nomination as JSON in the field "data", then
 * the files "cv" and "letter" (the server reads text fields before files, so "data" goes first).
 * Sent with postForm, as the typed client has no multipart body for this endpoint.
 */
export function useNominate(offerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({
      data,
      cv,
      letter,
    }: {
      data: NominationData;
      cv?: File | null;
      letter?: File | null;
    }): Promise<NominationCreated> => {
      const form = new FormData();
      form.append('data', JSON.stringify(data));
      if (cv) form.append('cv', cv, cv.name);
      if (letter) form.append('letter', letter, letter.name);
      return postForm<NominationCreated>(`/api/v1/offers/${offerId}/nominations`, form); // 201: the nomination and its documents
    },
    onSuccess: () => invalidateOffers(client),
  });
}

export const useReviewList = (offerId: number, params: ReviewParams, enabled = true) =>
  useQuery({
    queryKey: ['offer-nominations', offerId, params],
    queryFn: () => call(api.GET('/api/v1/offers/{id}/nominations', { params: { path: { id: offerId }, query: params } })),
    placeholderData: keepPreviousData,
    enabled,
  });

export function useReview(offerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ReviewBody) => call(api.POST('/api/v1/offers/{id}/nominations/review', { params: { path: { id: offerId } }, body })),
    onSuccess: () => invalidateOffers(client),
  });
}

export function useSelectWithinQuotas(offerId: number) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call(api.POST('/api/v1/offers/{id}/select-within-quotas', { params: { path: { id: offerId } }, body: {} })),
    onSuccess: () => invalidateOffers(client),
  });
}

export const useMyNominations = (params: MyNominationsParams) =>
  useQuery({
    queryKey: ['my-nominations', params],
    queryFn: () => call(api.GET('/api/v1/my/nominations', { params: { query: params } })),
    placeholderData: keepPreviousData,
  });

export const useParticipantHistory = (participantId: number, enabled = true) =>
  useQuery({
    queryKey: ['participant-history', participantId],
    queryFn: () => call(api.GET('/api/v1/participants/{id}/history', { params: { path: { id: participantId } } })),
    enabled,
  });

export const useParticipantDocuments = (participantId: number, enabled = true) =>
  useQuery({
    queryKey: ['participant-documents', participantId],
    queryFn: () => call(api.GET('/api/v1/participants/{id}/documents', { params: { path: { id: participantId } } })),
    enabled,
  });

/** The nominating organisation confirms or withdraws its nominee (the agency takes other steps). */
export function useParticipantStatus() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, status, note }: { id: number; status: 'confirmed' | 'withdrawn'; note?: string }) =>
      call(api.POST('/api/v1/participants/{id}/status', { params: { path: { id } }, body: note ? { status, note } : { status } })),
    onSuccess: () => invalidateOffers(client),
  });
}

/** Where the browser downloads a document (always an attachment). */
export const documentUrl = (documentId: number) => `/api/v1/documents/${documentId}`;
