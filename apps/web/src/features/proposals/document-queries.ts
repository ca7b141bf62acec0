import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';
import { ApiError, networkProblem } from '../../api/problem';
import { session } from '../../auth/session';
import { type UploadedDocument, uploadOutcome, uploadPath } from './document-upload';
import { proposalKeys } from './proposal-queries';

export type Submission = Schemas['SubmissionDto'];
export type SubmissionHead = Schemas['SubmissionHeadDto'];
export type SubmissionComparison = Schemas['SubmissionComparisonDto'];
export type FrozenDocument = Schemas['FrozenDocumentDto'];

/** Under the application's own key, so that everything read of one proposal goes together. */
export const documentKeys = {
  slots: proposalKeys.documents,
  versions: (id: string, documentId: string) => ['applications', id, 'documents', documentId, 'versions'] as const,
  submissions: proposalKeys.submissions,
  submission: (id: string, number: number | 'latest') => ['applications', id, 'submissions', String(number)] as const,
  comparison: (id: string, from: number, to: number) => ['applications', id, 'submissions', 'compare', from, to] as const,
};

/** Each document the call asks for, with the version the draft holds. */
export function useApplicationDocuments(id: string) {
  return useQuery({
    queryKey: documentKeys.slots(id),
    queryFn: () => call(api.GET('/applications/{id}/documents', { params: { path: { id } } })),
  });
}

/** Every version of one document, read when its history is opened. */
export function useDocumentVersions(id: string, documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.versions(id, documentId),
    queryFn: () => call(api.GET('/applications/{id}/documents/{documentId}/versions', { params: { path: { id, documentId } } })),
    enabled,
  });
}

/**
 * Sends one file as the next version of a slot's document, reporting progress; answers the version
 * kept, or throws the api's problem as an ApiError (as `call` does), so the page shows one kind of error.
 */
export async function uploadDocument(
  applicationId: string,
  requirementId: string,
  agencyId: string | null,
  file: File,
  onProgress: (loaded: number, total: number) => void,
): Promise<UploadedDocument> {
  const form = new FormData();
  form.append('file', file, file.name);
  let answer: { status: number; body: unknown };
  try {
    answer = await session.upload('POST', uploadPath(applicationId, requirementId, agencyId), form, onProgress);
  } catch (error) {
    throw new ApiError(networkProblem(error), undefined);
  }
  const outcome = uploadOutcome(answer);
  if (outcome.kind === 'refused') throw new ApiError(outcome.problem, undefined);
  return outcome.uploaded;
}

/** An upload into one slot; its documents (and their histories) are read again afterwards. */
export function useUploadDocument(
  applicationId: string,
  requirementId: string,
  agencyId: string | null,
  onProgress: (loaded: number, total: number) => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadDocument(applicationId, requirementId, agencyId, file, onProgress),
    onSettled: () => client.invalidateQueries({ queryKey: documentKeys.slots(applicationId) }),
  });
}

export function useRemoveDocument(applicationId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (documentId: string) =>
      call(api.DELETE('/applications/{id}/documents/{documentId}', { params: { path: { id: applicationId, documentId } } })),
    onSettled: () => client.invalidateQueries({ queryKey: documentKeys.slots(applicationId) }),
  });
}

/** The frozen submissions, oldest first. */
export function useSubmissions(id: string) {
  return useQuery({
    queryKey: documentKeys.submissions(id),
    queryFn: () => call(api.GET('/applications/{id}/submissions', { params: { path: { id } } })),
  });
}

/** One frozen submission; it never changes, so it is read once. */
export function useSubmission(id: string, number: number | 'latest' | undefined) {
  return useQuery({
    queryKey: documentKeys.submission(id, number ?? 'latest'),
    queryFn: () => call(api.GET('/applications/{id}/submissions/{number}', { params: { path: { id, number: String(number) } } })),
    enabled: number !== undefined,
    staleTime: number === 'latest' ? 0 : Infinity,
  });
}

export function useSubmissionComparison(id: string, from: number | undefined, to: number | undefined) {
  return useQuery({
    queryKey: documentKeys.comparison(id, from ?? 0, to ?? 0),
    queryFn: () =>
      call(api.GET('/applications/{id}/submissions/compare', { params: { path: { id }, query: { from: from ?? 0, to: to ?? 0 } } })),
    enabled: from !== undefined && to !== undefined && from !== to,
    staleTime: Infinity,
  });
}
