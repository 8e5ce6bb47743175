/** A program's documents (docs/documents.md): the list, a document's versions, uploads, changes and removal. */
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, postForm, type Schemas } from './client.js';
import type { paths } from './schema.js';

export type ProgramDocument = Schemas['ProgramDocument'];
export type ProgramDocumentVersion = Schemas['ProgramDocumentVersion'];
export type ProgramDocumentPatchBody =
  paths['/api/v1/activities/{id}/documents/{documentId}']['patch']['requestBody']['content']['application/json'];

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export const useProgramDocuments = (programId: number) =>
  useQuery({
    queryKey: ['programDocuments', programId],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/documents', { params: { path: { id: programId } } })),
    placeholderData: keepPreviousData,
  });

/** A document's versions, loaded when its history is opened. */
export const useProgramDocumentVersions = (programId: number, documentId: number, enabled: boolean) =>
  useQuery({
    queryKey: ['programDocuments', programId, documentId],
    queryFn: () => call(api.GET('/api/v1/activities/{id}/documents/{documentId}', { params: { path: { id: programId, documentId } } })),
    enabled,
  });

function useReload(programId: number) {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: ['programDocuments', programId] });
}

/** The metadata an upload sends with its file (the form's fields, the server parses them). */
export interface DocumentUpload {
  readonly kind: string;
  readonly category: string;
  readonly titleEn: string;
  readonly titleId: string;
  readonly languages: string;
  readonly documentDate: string;
  readonly description: string;
  readonly isPublic: boolean;
  readonly file: File;
}

export function useUploadProgramDocument(programId: number) {
  const reload = useReload(programId);
  return useMutation({
    mutationFn: async (upload: DocumentUpload): Promise<ProgramDocument> => {
      const form = new FormData();
      for (const key of ['kind', 'category', 'titleEn', 'titleId', 'languages', 'documentDate', 'description'] as const)
        if (upload[key].trim()) form.append(key, upload[key].trim());
      if (upload.isPublic) form.append('public', 'true');
      form.append('file', upload.file, upload.file.name);
      return postForm<ProgramDocument>(`/api/v1/activities/${programId}/documents`, form);
    },
    onSuccess: reload,
  });
}

export function useUploadProgramDocumentVersion(programId: number) {
  const reload = useReload(programId);
  return useMutation({
    mutationFn: async ({ document, file }: { document: ProgramDocument; file: File }): Promise<ProgramDocument> => {
      const form = new FormData();
      form.append('file', file, file.name);
      return postForm<ProgramDocument>(
        `/api/v1/activities/${programId}/documents/${document.id}/versions`,
        form,
        ifMatch(document.version),
      );
    },
    onSuccess: reload,
  });
}

export function usePatchProgramDocument(programId: number) {
  const reload = useReload(programId);
  return useMutation({
    mutationFn: ({ document, body }: { document: ProgramDocument; body: ProgramDocumentPatchBody }) =>
      call(
        api.PATCH('/api/v1/activities/{id}/documents/{documentId}', {
          params: { path: { id: programId, documentId: document.id } },
          body,
          headers: ifMatch(document.version),
        }),
      ),
    onSuccess: reload,
  });
}

export function useDeleteProgramDocument(programId: number) {
  const reload = useReload(programId);
  return useMutation({
    mutationFn: (document: ProgramDocument) =>
      call(
        api.DELETE('/api/v1/activities/{id}/documents/{documentId}', {
          params: { path: { id: programId, documentId: document.id } },
          headers: ifMatch(document.version),
        }),
      ),
    onSuccess: reload,
  });
}

/** Where the browser downloads a version (always an attachment). */
export const documentVersionUrl = (programId: number, documentId: number, versionNo: number) =>
  `/api/v1/activities/${programId}/documents/${documentId}/versions/${versionNo}`;
export const documentThumbnailUrl = (programId: number, documentId: number, versionNo: number) =>
  `${documentVersionUrl(programId, documentId, versionNo)}/thumbnail`;
