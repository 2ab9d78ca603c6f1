/** The whole schema; drizzle-kit generates SQL migrations from it. */
export * from './organizations';
export * from './users';
export * from './contacts';
export * from './interactions';
export * from './audit';
export * from './idempotency';
export * from './promises';
export * from './jobs';
export * from './requests';
export * from './outbox';
export * from './files';
export * from './email';
export * from './portal';
export * from './gifts';
export * from './stewardship';
