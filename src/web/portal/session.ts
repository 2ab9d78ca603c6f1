import { useQuery } from '@tanstack/react-query';
import { api, ApiError, organizationSlug, type PortalMe } from './api';

/**
 * Who is signed in here: undefined while asking, null when nobody is (or the session belongs to
 * another organization's portal).
 */
export function usePortalMe() {
  const me = useQuery({
    queryKey: ['portal', 'me'],
    queryFn: async () => {
      try {
        const who = await api<PortalMe>('/portal/me');
        return who.organization.slug === organizationSlug ? who : null;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) return null;
        throw err;
      }
    },
  });
  return me;
}
