import { z } from 'zod';
import { uuid } from '../../../shared/schemas/common';
import {
  contactSearchQuery,
  createContactInput,
  createRelationshipInput,
  updateContactInput,
} from '../../../shared/schemas/contacts';
import { createContact } from '../../domain/contacts/create-contact';
import { deleteContact } from '../../domain/contacts/delete-contact';
import { findContacts, getContact } from '../../domain/contacts/find-contacts';
import {
  addRelationship,
  listRelationships,
  removeRelationship,
} from '../../domain/contacts/relationships';
import { updateContact } from '../../domain/contacts/update-contact';
import { expectedVersion, withEtag } from '../if-match';
import { actorOf } from '../authenticate';
import { createOnce } from '../idempotency';
import { listEnvelope, pageQuery } from '../pagination';
import type { App, AppDeps } from '../types';
import { contactView, idParams, relationshipView } from '../views';

const tags = ['contacts'];

/** Contacts: create, find, read, change, delete; and their relationships. */
export function contactRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;

  app.post(
    '/contacts',
    {
      config: { access: 'contacts.write' },
      schema: {
        tags,
        summary: 'Create a contact (person or organization)',
        body: createContactInput,
        response: { 201: contactView },
      },
    },
    async (req, reply) => {
      const view = await createOnce(req, reply, deps, (tx) =>
        createContact(tx, deps.clock, actorOf(req), req.body),
      );
      void reply
        .header('etag', `"${view.version}"`)
        .header('location', `/api/v1/contacts/${view.id}`);
      return view;
    },
  );

  app.get(
    '/contacts',
    {
      config: { access: 'contacts.read' },
      schema: {
        tags,
        summary: 'Find contacts by name, email or phone, or list them by name',
        querystring: contactSearchQuery.extend(pageQuery),
        response: { 200: listEnvelope(contactView) },
      },
    },
    async (req) => {
      const { cursor, limit, ...query } = req.query;
      return findContacts(db, actorOf(req), query, { cursor, limit });
    },
  );

  app.get(
    '/contacts/:id',
    {
      config: { access: 'contacts.read' },
      schema: { tags, summary: 'Read a contact', params: idParams, response: { 200: contactView } },
    },
    async (req, reply) => {
      return withEtag(reply, await getContact(db, actorOf(req), req.params.id));
    },
  );

  app.patch(
    '/contacts/:id',
    {
      config: { access: 'contacts.write' },
      schema: {
        tags,
        summary:
          'Change a contact; send If-Match with the ETag you read to avoid overwriting a colleague',
        params: idParams,
        body: updateContactInput,
        response: { 200: contactView },
      },
    },
    async (req, reply) => {
      const version = expectedVersion(req.headers['if-match']);
      return withEtag(
        reply,
        await updateContact(db, deps.clock, actorOf(req), req.params.id, req.body, version),
      );
    },
  );

  app.delete(
    '/contacts/:id',
    {
      config: { access: 'contacts.delete' },
      schema: { tags, summary: 'Delete a contact', params: idParams, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await deleteContact(db, deps.clock, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/contacts/:id/relationships',
    {
      config: { access: 'contacts.read' },
      schema: {
        tags,
        summary: "A contact's relationships, named from its side",
        params: idParams,
        response: { 200: listEnvelope(relationshipView) },
      },
    },
    async (req) => ({
      data: await listRelationships(db, actorOf(req), req.params.id),
      nextCursor: null,
    }),
  );

  app.post(
    '/contacts/:id/relationships',
    {
      config: { access: 'contacts.write' },
      schema: {
        tags,
        summary: 'Relate this contact to another ("this is the parent of that")',
        params: idParams,
        body: createRelationshipInput,
        response: { 201: relationshipView },
      },
    },
    async (req, reply) =>
      createOnce(req, reply, deps, (tx) =>
        addRelationship(tx, actorOf(req), req.params.id, req.body),
      ),
  );

  app.delete(
    '/contacts/:id/relationships/:relationshipId',
    {
      config: { access: 'contacts.write' },
      schema: {
        tags,
        summary: 'Remove a relationship',
        params: z.object({ id: uuid(), relationshipId: uuid() }),
        response: { 204: z.null() },
      },
    },
    async (req, reply) => {
      await removeRelationship(db, actorOf(req), req.params.id, req.params.relationshipId);
      return reply.status(204).send(null);
    },
  );
}
