import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  staffedOrg,
  testApi,
  type Staffed,
  type TestApi,
} from '../../../../tests/support/api';
import { buildContact } from '../../../../tests/support/factories';

let api: TestApi;
let org: Staffed;
let requestId: string;

// A 1×1 transparent PNG.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

function multipart(name: string, bytes: Buffer, type = 'application/octet-stream') {
  const boundary = '----tendtest' + Math.random().toString(16).slice(2);
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, bytes, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
const upload = (name: string, bytes: Buffer, token = org.tokens.agent, id = requestId) => {
  const body = multipart(name, bytes);
  return api.app.inject({
    method: 'POST',
    url: `/api/v1/requests/${id}/attachments`,
    headers: { ...bearer(token), ...body.headers },
    payload: body.payload,
  });
};

beforeAll(async () => {
  api = await testApi();
  org = await staffedOrg(api.database);
  const contact = await buildContact(api.database.db, org.org);
  requestId = (
    await api.app.inject({
      method: 'POST',
      url: '/api/v1/requests',
      headers: bearer(org.tokens.agent),
      payload: { subject: 'Documents', requesterId: contact.id },
    })
  ).json().id;
});
afterAll(() => api.close());

describe('attachments', () => {
  it('stores a file whose bytes are an allowed type and gives it back as a download', async () => {
    const res = await upload('rent “contract”.png', png);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'rent “contract”.png',
      contentType: 'image/png',
      size: png.length,
    });
    const list = await api.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/attachments`,
      headers: bearer(org.tokens.fundraiser),
    });
    expect(list.json().data).toHaveLength(1);
    const file = await api.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/attachments/${res.json().id}`,
      headers: bearer(org.tokens.agent),
    });
    expect(file.statusCode).toBe(200);
    expect(Buffer.compare(file.rawPayload, png)).toBe(0);
    expect(file.headers['content-disposition']).toContain('attachment;');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
  });

  it('takes plain text and CSV, judged by the bytes', async () => {
    const csv = await upload('list.csv', Buffer.from('name,amount\nRūta,10\n'));
    expect(csv.json().contentType).toBe('text/csv');
  });

  it('refuses files whose bytes are not an allowed type, whatever their name says', async () => {
    const exe = await upload(
      'invoice.pdf',
      Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 1)]),
    );
    expect(exe.statusCode).toBe(415);
    const html = await upload(
      'note.png',
      Buffer.from('<html><script>alert(1)</script></html>\u0000'),
    );
    expect(html.statusCode).toBe(415);
  });

  it('takes files of several megabytes (above the 1 MB JSON body limit)', async () => {
    const pdf = Buffer.concat([
      Buffer.from('%PDF-1.4\n'),
      Buffer.alloc(3 * 1024 * 1024, 0x20),
      Buffer.from('\n%%EOF\n'),
    ]);
    const res = await upload('scan.pdf', pdf);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ contentType: 'application/pdf', size: pdf.length });
  });

  it('refuses files over 10 MB and empty ones', async () => {
    const big = await upload('big.txt', Buffer.alloc(10 * 1024 * 1024 + 1, 0x61));
    expect(big.statusCode).toBe(413);
    const empty = await upload('empty.txt', Buffer.alloc(0));
    expect(empty.statusCode).toBe(400);
  });

  it('keeps another organization out', async () => {
    const other = await staffedOrg(api.database);
    expect((await upload('x.png', png, other.tokens.admin)).statusCode).toBe(404);
    const mine = (await upload('y.png', png)).json();
    const steal = await api.app.inject({
      method: 'GET',
      url: `/api/v1/requests/${requestId}/attachments/${mine.id}`,
      headers: bearer(other.tokens.admin),
    });
    expect(steal.statusCode).toBe(404);
  });
});
