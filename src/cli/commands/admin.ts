import type { Command } from 'commander';
import { z } from 'zod';
import { email as emailSchema } from '../../shared/schemas/common';
import { staffRoles } from '../../shared/staff';
import { readSecret, result, say, UsageError, withDatabase } from '../io';

function parseEmail(value: string, flag: string): string {
  const parsed = emailSchema.safeParse(value);
  if (!parsed.success) throw new UsageError(`${flag}: not a valid email address`);
  return parsed.data;
}

/** `tend org create`, `tend admin create`, `tend token create`. */
export function registerAdminCommands(program: Command): void {
  const org = program.command('org').description('Organizations (tenants)');
  org
    .command('create')
    .description('Create an organization; prints its slug (use it as --org)')
    .requiredOption('--name <name>', 'the organization’s name')
    .option('--slug <slug>', 'URL name (default: made from the name)')
    .option('--country <code>', 'default country for phone numbers, e.g. LT')
    .option('--timezone <tz>', 'IANA time zone, e.g. Europe/Vilnius', 'UTC')
    .option('--inbound <address...>', 'email addresses this organization receives mail at')
    .action(
      async (opts: {
        name: string;
        slug?: string;
        country?: string;
        timezone: string;
        inbound?: string[];
      }) => {
        if (opts.country && !/^[A-Za-z]{2}$/.test(opts.country))
          throw new UsageError('--country: a two-letter ISO code');
        const tz = z.string().refine((t) => {
          try {
            new Intl.DateTimeFormat('en', { timeZone: t });
            return true;
          } catch {
            return false;
          }
        });
        if (!tz.safeParse(opts.timezone).success)
          throw new UsageError('--timezone: not a known IANA time zone');
        const inbound = (opts.inbound ?? []).map((a) => parseEmail(a, '--inbound'));
        const { createOrganization } = await import('../../server/domain/orgs/create-organization');
        const created = await withDatabase('tend org create', (database) =>
          createOrganization(database.db, {
            name: opts.name,
            slug: opts.slug,
            defaultCountry: opts.country,
            timeZone: opts.timezone,
            inbound,
          }),
        );
        say(`Created organization "${created.name}" (id ${created.id}).`);
        result(created.slug);
      },
    );

  program
    .command('admin')
    .description('Staff administrators')
    .command('create')
    .description('Create an admin; the password is read from stdin or asked for')
    .requiredOption('--org <org>', 'organization slug or id')
    .requiredOption('--email <email>', 'the admin’s email (their sign-in name)')
    .option('--name <name>', 'display name (default: the email)')
    .action(async (opts: { org: string; email: string; name?: string }) => {
      const email = parseEmail(opts.email, '--email');
      const { createUser, minPasswordLength } =
        await import('../../server/domain/users/create-user');
      const { findOrganization } = await import('../../server/db/repositories/organizations');
      const { systemActor } = await import('../../server/domain/actor');
      const password = await readSecret(
        `Password for ${email} (at least ${minPasswordLength} characters): `,
      );
      if (password.length < minPasswordLength)
        throw new UsageError(`password: at least ${minPasswordLength} characters`);
      const user = await withDatabase('tend admin create', async (database) => {
        const found = await findOrganization(database.db, opts.org);
        if (!found) throw new UsageError(`--org: no organization "${opts.org}"`);
        return createUser(database.db, systemActor(found.id), {
          email,
          name: opts.name ?? email,
          role: 'admin',
          password,
        });
      });
      say(`Created admin ${user.email}.`);
      result(user.id);
    });

  program
    .command('token')
    .description('API tokens')
    .command('create')
    .description('Create an API token for a staff user; prints the token once')
    .requiredOption('--email <email>', 'the user the token acts for')
    .requiredOption('--name <name>', 'what the token is for, e.g. "website form"')
    .option('--org <org>', 'organization slug or id (needed if the email is staff in several)')
    .option('--role <role>', `role of the token (${staffRoles.join(', ')}); default: the user’s`)
    .option('--expires-in-days <days>', 'expire after this many days')
    .action(
      async (opts: {
        email: string;
        name: string;
        org?: string;
        role?: string;
        expiresInDays?: string;
      }) => {
        const email = parseEmail(opts.email, '--email');
        const role = opts.role === undefined ? undefined : z.enum(staffRoles).safeParse(opts.role);
        if (role && !role.success) throw new UsageError(`--role: one of ${staffRoles.join(', ')}`);
        const days = opts.expiresInDays === undefined ? undefined : Number(opts.expiresInDays);
        if (days !== undefined && !(Number.isInteger(days) && days >= 1 && days <= 3650))
          throw new UsageError('--expires-in-days: a whole number from 1 to 3650');
        const { findOrganization } = await import('../../server/db/repositories/organizations');
        const { findUsersByEmail } = await import('../../server/db/repositories/users');
        const { systemActor } = await import('../../server/domain/actor');
        const { issueToken } = await import('../../server/domain/auth/tokens');
        const { systemClock } = await import('../../core/clock');
        const issued = await withDatabase('tend token create', async (database) => {
          const orgRow = opts.org ? await findOrganization(database.db, opts.org) : undefined;
          if (opts.org && !orgRow) throw new UsageError(`--org: no organization "${opts.org}"`);
          const users = await findUsersByEmail(database.db, email, orgRow?.id);
          if (users.length === 0) throw new UsageError(`--email: no staff user ${email}`);
          if (users.length > 1)
            throw new UsageError('--org: this email is staff in several organizations; name one');
          const user = users[0]!;
          return issueToken(database.db, systemClock, systemActor(user.orgId), {
            userId: user.id,
            name: opts.name,
            role: role?.data,
            expiresInDays: days,
          });
        });
        say(
          `Token "${issued.row.name}" with role ${issued.row.role}; it is shown once — keep it safe.`,
        );
        result(issued.token);
      },
    );
}
