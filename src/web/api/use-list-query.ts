import { type QueryKey, type UseQueryOptions, useQuery } from '@tanstack/react-query';
import { App } from 'antd';
import { useEffect } from 'react';
import { showError } from './client';

/**
 * A list page's data (TanStack Query, decision 0030) for the header's jurisdiction and the page's
 * filters: put every input of the request in `queryKey` and hand `signal` to the client. Only the
 * current key's answer reaches the page, so a slow answer for an earlier jurisdiction or filter can
 * no longer overwrite a newer one (issue 19: the province's meetings under 宁德市), and the earlier
 * request is cancelled. A failed load is toasted, as the hand-written loads did, and the page stays.
 * Writes refresh the list with `queryClient.invalidateQueries` on the key's first parts. A list is
 * stale at once (the client's default is 30 s): detail pages change its rows without invalidating
 * it, and a list page reloaded on every visit before, so it still does, showing the cached rows
 * meanwhile.
 */
export function useListQuery<T, Key extends QueryKey>(
  options: UseQueryOptions<T, Error, T, Key> & { queryKey: Key },
) {
  const { message } = App.useApp();
  const result = useQuery({ staleTime: 0, ...options });
  const { error } = result;
  useEffect(() => {
    if (error) showError(error, (m) => message.error(m));
  }, [error, message]);
  return result;
}
