import { useQuery } from '@tanstack/react-query';
import { api, call } from '../../api/client';

export const formsKeys = {
  submittedAnswers: (applicationId: string) => ['applications', applicationId, 'submissions', 'answers'] as const,
};

/** The answers of the latest submission, as the reader may read them (reviewers only theirs); a 404 before the first. */
export function useSubmittedAnswers(applicationId: string, enabled = true) {
  return useQuery({
    queryKey: formsKeys.submittedAnswers(applicationId),
    queryFn: () => call(api.GET('/applications/{id}/submitted-answers', { params: { path: { id: applicationId } } })),
    enabled,
  });
}
