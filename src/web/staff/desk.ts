import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api, type DeskSettings, type Me, type Page, type StaffUser, type Team } from './api';

// Settings change rarely: read them once a minute at most.
const settingsStale = 60_000;

/** Who is signed in (App has already loaded it). */
export function useMe(): Me | undefined {
  return useQuery({ queryKey: ['me'], queryFn: () => api<Me>('/auth/me') }).data;
}

/** The organization's teams with their members. */
export function useTeams(): Team[] {
  return (
    useQuery({
      queryKey: ['teams'],
      queryFn: () => api<Page<Team>>('/teams'),
      staleTime: settingsStale,
    }).data?.data ?? []
  );
}

/** Categories and custom fields of requests. */
export function useDeskSettings(): DeskSettings | undefined {
  return useQuery({
    queryKey: ['desk-settings'],
    queryFn: () => api<DeskSettings>('/desk-settings'),
  }).data;
}

/**
 * The staff people can hand a request to, by name: every team's members and the signed-in
 * person; admins and managers (who may list staff) also see everyone else.
 */
export function useStaff(): { id: string; name: string }[] {
  const me = useMe();
  const teams = useTeams();
  const mayList = me?.user.role === 'admin' || me?.user.role === 'manager';
  const users = useQuery({
    queryKey: ['users'],
    queryFn: () => api<Page<StaffUser>>('/users'),
    enabled: mayList,
    staleTime: settingsStale,
  }).data?.data;
  return useMemo(() => {
    const byId = new Map<string, string>();
    if (me) byId.set(me.user.id, me.user.name);
    for (const t of teams) for (const m of t.members) byId.set(m.userId, m.name);
    for (const u of users ?? []) if (u.active) byId.set(u.id, u.name);
    return [...byId]
      .map(([id, name]) => ({ id, name }))
      .sort((a, b) => a.name.localeCompare(b.name));
  }, [me, teams, users]);
}
