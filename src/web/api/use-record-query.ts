import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { ApiError, showError } from './client';

/**
 * One record's data (a detail page, a record inside a page) through TanStack Query (decision 0030),
 * the sibling of `useListQuery`: every input of the request in `queryKey`, `signal` handed to the
 * client, so a late answer for the record opened before cannot fill the page of the one opened now.
 * A failed load is toasted as in `useListQuery`, except 404, 403 and 400: a detail page shows those
 * as its own result (`LoadFailed`: record not found, no access), and a toast would say it twice.
 * Writes refresh it with `queryClient.invalidateQueries` on the key's first parts, or put the
 * write's answer in with `setQueryData`. Stale at once, as a detail page reloaded on every visit.
 */
export function useRecordQuery<T, Key extends QueryKey>(
  options: UseQueryOptions<T, Error, T, Key> & { queryKey: Key },
) {
  const { message } = App.useApp();
  const result = useQuery({ staleTime: 0, ...options });
  const { error } = result;
  useEffect(() => {
    if (error && !isShownAsPage(error)) showError(error, (m) => message.error(m));
  }, [error, message]);
  return result;
}

/** The answers a detail page shows as a page of their own (components/ResultPages' LoadFailed). */
function isShownAsPage(error: Error): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 400);
}
