import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { checkContentTag, contentTag, withContentTag } from './versioning';

describe('content tags', () => {
  const fund = { id: 'f1', name: 'Food parcels', restricted: true };

  it('tag what a resource says: the same content, the same quoted tag; any change, another', () => {
    expect(contentTag(fund)).toMatch(/^"[\w-]{22}"$/);
    expect(contentTag({ ...fund })).toBe(contentTag(fund));
    expect(contentTag({ ...fund, name: 'Food' })).not.toBe(contentTag(fund));
    expect(withContentTag(fund)).toEqual({ ...fund, etag: contentTag(fund) });
  });

  it('let a change through on the stored tag (weak or strong) or none, and refuse another', () => {
    const tag = contentTag(fund);
    expect(() => checkContentTag('fund', fund, tag)).not.toThrow();
    expect(() => checkContentTag('fund', fund, `W/${tag}`)).not.toThrow();
    expect(() => checkContentTag('fund', fund, undefined)).not.toThrow();
    const stale = (() => {
      try {
        checkContentTag('fund', { ...fund, name: 'Food' }, tag);
      } catch (e) {
        return e;
      }
    })();
    expect(stale).toBeInstanceOf(AppError);
    expect((stale as AppError).code).toBe('precondition_failed');
  });
});
