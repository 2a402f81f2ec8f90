/**
 * shared/protocol/relay/changes.ts: the `/v1/changes` request and response, declared once.
 */
import { describe, expect, it } from 'vitest';
import { changesResponseSchema, changesUrl, parseChangesRequest } from '../../../../shared/protocol/relay/changes';

const WID = '0F8FAD5B-D9CB-469F-A165-70867728950E';

describe('changes request', () => {
  it('round-trips through its URL', () => {
    const url = new URL(changesUrl('https://relay.example.org', { since: 10482, workspace: WID.toLowerCase() }));
    expect(url.pathname).toBe('/v1/changes');
    expect(parseChangesRequest(url.searchParams)).toEqual({ ok: true, request: { since: 10482, workspace: WID.toLowerCase() } });
    expect(changesUrl('http://h:1', { since: 0 })).toBe('http://h:1/v1/changes?since=0');
  });

  it('defaults since to 0, lower-cases the workspace, refuses bad values with stable codes', () => {
    expect(parseChangesRequest(new URLSearchParams(`workspace=${WID}`))).toEqual({ ok: true, request: { since: 0, workspace: WID.toLowerCase() } });
    for (const since of ['-1', '1.5', 'abc', '1234567890123456', '']) {
      expect(parseChangesRequest(new URLSearchParams({ since }))).toMatchObject({ ok: false, error: 'bad-since' });
    }
    expect(parseChangesRequest(new URLSearchParams({ since: '3', workspace: 'nope' }))).toMatchObject({ ok: false, error: 'bad-workspace' });
  });
});

describe('changesResponseSchema', () => {
  it('accepts the documented body and refuses a malformed one', () => {
    const body = { clock: 10482, docs: [{ doc: `${WID}/workspace`, lastSeq: 10482 }] };
    expect(changesResponseSchema.parse(body)).toEqual(body);
    expect(changesResponseSchema.safeParse({ clock: '1', docs: [] }).success).toBe(false);
    expect(changesResponseSchema.safeParse({ clock: 1, docs: [{ doc: 'x', lastSeq: -1 }] }).success).toBe(false);
    expect(changesResponseSchema.safeParse({ clock: 1 }).success).toBe(false);
  });
});
