import type { Clock } from '../../../core/clock';
import {
  targetsBySubject,
  type CreatePolicyInput,
  type UpdatePolicyInput,
} from '../../../shared/schemas/promises';
import type { PromiseSubjectType } from '../../../shared/promises';
import type { Executor } from '../../db/connection';
import { appendAudit } from '../../db/repositories/audit';
import {
  deletePolicyRow,
  findCalendar,
  findPolicy,
  insertPolicy,
  listPolicies,
  updatePolicyRow,
} from '../../db/repositories/promises';
import type { PolicyTarget } from '../../db/schema';
import { findUser } from '../../db/repositories/users';
import { AppError, invalid, notFound } from '../../errors';
import { presentPolicy, type PolicyView } from '../../presenters/promises';
import type { Actor } from '../actor';
import { checkVersion } from '../versioning';
import { calendarFor, previewDue } from './calendars';

async function checkTargets(
  db: Executor,
  orgId: string,
  subjectType: PromiseSubjectType,
  targets: PolicyTarget[],
) {
  const allowed: readonly string[] = targetsBySubject[subjectType];
  for (const [i, t] of targets.entries()) {
    if (!allowed.includes(t.target)) {
      throw invalid(`targets.${i}.target`, `a ${subjectType} promise sets ${allowed.join(', ')}`);
    }
    if (t.calendarId && !(await findCalendar(db, orgId, t.calendarId))) {
      throw invalid(`targets.${i}.calendarId`, 'no such calendar');
    }
    if (t.warnBeforeMinutes > t.minutes && t.minutes > 0) {
      throw invalid(`targets.${i}.warnBeforeMinutes`, 'must not be longer than the promise itself');
    }
  }
}

/** A gift policy's thank-you plan: only for gifts; a named thanker is an active user here. */
async function checkThanks(
  db: Executor,
  orgId: string,
  subjectType: PromiseSubjectType,
  thanks: CreatePolicyInput['thanks'],
) {
  if (!thanks) return;
  if (subjectType !== 'gift') throw invalid('thanks', 'only a gift policy says how to thank');
  if (thanks.by && thanks.by !== 'owner') {
    const user = await findUser(db, orgId, thanks.by);
    if (!user) throw invalid('thanks.by', 'no such user');
    if (!user.active)
      throw new AppError('rule_violated', 'thanks.by: this user is deactivated', [
        { path: 'thanks.by', message: 'this user is deactivated' },
      ]);
  }
}

/** Writes positions 1..n in the given order. */
async function renumber(db: Executor, orgId: string, ids: string[]): Promise<void> {
  for (const [i, id] of ids.entries()) await updatePolicyRow(db, orgId, id, { position: i + 1 });
}

/** Creates a policy, at the end of its subject type's list or at `position`. */
export async function createPolicy(
  db: Executor,
  actor: Actor,
  input: CreatePolicyInput,
): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    await checkTargets(tx, actor.orgId, input.subjectType, input.targets);
    await checkThanks(tx, actor.orgId, input.subjectType, input.thanks);
    const siblings = await listPolicies(tx, actor.orgId, input.subjectType);
    const { position, ...fields } = input;
    const row = await insertPolicy(tx, {
      orgId: actor.orgId,
      ...fields,
      position: siblings.length + 1,
      description: input.description ?? null,
    });
    if (position !== undefined && position <= siblings.length) {
      const ids = siblings.map((s) => s.id);
      ids.splice(position - 1, 0, row.id);
      await renumber(tx, actor.orgId, ids);
    }
    const view = presentPolicy((await findPolicy(tx, actor.orgId, row.id))!);
    await appendAudit(tx, actor, {
      action: 'create',
      entityType: 'promise_policy',
      entityId: row.id,
      after: view,
    });
    return view;
  });
}

/** Policies in their order. */
export async function policyList(
  db: Executor,
  actor: Actor,
  subjectType?: PromiseSubjectType,
): Promise<PolicyView[]> {
  return (await listPolicies(db, actor.orgId, subjectType)).map(presentPolicy);
}

/** One policy. */
export async function getPolicy(db: Executor, actor: Actor, id: string): Promise<PolicyView> {
  const row = await findPolicy(db, actor.orgId, id);
  if (!row) throw notFound('promise policy');
  return presentPolicy(row);
}

/** Changes a policy; clocks already running keep the terms they started with. */
export async function updatePolicy(
  db: Executor,
  actor: Actor,
  id: string,
  input: UpdatePolicyInput,
  expectedVersion?: number,
): Promise<PolicyView> {
  return db.transaction(async (tx) => {
    const before = await findPolicy(tx, actor.orgId, id);
    if (!before) throw notFound('promise policy');
    checkVersion('policy', before.version, expectedVersion);
    if (input.targets) await checkTargets(tx, actor.orgId, before.subjectType, input.targets);
    await checkThanks(tx, actor.orgId, before.subjectType, input.thanks);
    const after = await updatePolicyRow(tx, actor.orgId, id, { ...input, updatedAt: new Date() });
    const view = presentPolicy(after!);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'promise_policy',
      entityId: id,
      before: presentPolicy(before),
      after: view,
    });
    return view;
  });
}

/** Deletes a policy; the others close ranks. */
export async function deletePolicy(db: Executor, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await findPolicy(tx, actor.orgId, id);
    if (!before) throw notFound('promise policy');
    await deletePolicyRow(tx, actor.orgId, id);
    const rest = await listPolicies(tx, actor.orgId, before.subjectType);
    await renumber(
      tx,
      actor.orgId,
      rest.map((p) => p.id),
    );
    await appendAudit(tx, actor, {
      action: 'delete',
      entityType: 'promise_policy',
      entityId: id,
      before: presentPolicy(before),
    });
  });
}

/** Puts a subject type's policies in a new order; `ids` must name each of them exactly once. */
export async function reorderPolicies(
  db: Executor,
  actor: Actor,
  subjectType: PromiseSubjectType,
  ids: string[],
): Promise<PolicyView[]> {
  return db.transaction(async (tx) => {
    const current = await listPolicies(tx, actor.orgId, subjectType);
    const known = new Set(current.map((p) => p.id));
    if (
      ids.length !== known.size ||
      new Set(ids).size !== ids.length ||
      ids.some((id) => !known.has(id))
    ) {
      throw invalid(
        'ids',
        `must list each of the ${known.size} ${subjectType} policies exactly once`,
      );
    }
    await renumber(tx, actor.orgId, ids);
    await appendAudit(tx, actor, {
      action: 'update',
      entityType: 'promise_policy_order',
      entityId: subjectType,
      before: current.map((p) => p.id),
      after: ids,
    });
    return (await listPolicies(tx, actor.orgId, subjectType)).map(presentPolicy);
  });
}

/** "A subject arriving at T would be due at …" for every target of a policy. */
export async function previewPolicy(
  db: Executor,
  clock: Clock,
  actor: Actor,
  id: string,
  arrivesAt?: Date,
) {
  const policy = await findPolicy(db, actor.orgId, id);
  if (!policy) throw notFound('promise policy');
  const at = arrivesAt ?? clock.now();
  const targets = [];
  for (const t of policy.targets) {
    const calendar = await calendarFor(db, actor.orgId, t.calendarId);
    const dueAt = previewDue(calendar, at, t.minutes);
    targets.push({
      target: t.target,
      minutes: t.minutes,
      calendarId: t.calendarId,
      dueAt: dueAt.toISOString(),
      warnAt:
        t.warnBeforeMinutes > 0
          ? new Date(dueAt.getTime() - t.warnBeforeMinutes * 60_000).toISOString()
          : null,
    });
  }
  return { policyId: id, arrivesAt: at.toISOString(), targets };
}
