/**
 * Issue 10, item 5, through the real relay: a member writing as fast as they can while an admin
 * removes them. No update of theirs may be stored after the removal: the provenance log (which
 * orders every stored update by seq) shows none of theirs with a seq above the removal's, over
 * 100 runs.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseDocName, workspaceDocName } from '../../shared/docs/names';
import { WorkspaceDoc } from '../../shared/docs/workspace-doc';
import { CLOSE, historyPageSchema, historyUrl, type ProvenanceEntry } from '../../shared/protocol/relay';
import { connect, httpGet, makeWorkspace, member, registerWorkspace, setUpWorkspaceDoc, spawnRelay, waitFor, type RelayProcess, type TestClient, type TestWorkspace } from './helpers';

const RUNS = 100;

let relay: RelayProcess;
let ws: TestWorkspace;
let admin: TestClient;

beforeAll(async () => {
  relay = await spawnRelay();
  ws = await makeWorkspace();
  await registerWorkspace(relay, ws);
  admin = await setUpWorkspaceDoc(relay.url, ws, []);
});
afterAll(async () => {
  admin?.destroy();
  await relay?.stop();
});

async function history(doc: string): Promise<ProvenanceEntry[]> {
  const out: ProvenanceEntry[] = [];
  for (let after = 0; ; ) {
    const res = await httpGet(relay, historyUrl('', { doc, after }), await ws.token(ws.admin));
    const page = historyPageSchema.parse(res.body);
    out.push(...page.entries);
    if (page.next === null) return out;
    after = page.next;
  }
}

describe('removal before the next write', () => {
  it(`stores no update of a removed member after the removal, over ${RUNS} runs`, async () => {
    const wd = new WorkspaceDoc(admin.doc);
    const w = { memberId: ws.admin.id };
    let late = 0;
    let before = 0;
    for (let run = 0; run < RUNS; run++) {
      const m = member('investigator');
      wd.upsertMember({ ...m, joinedAt: Date.now() }, w);
      const doc = caseDocName(ws.id, randomUUID());
      const c = connect(relay.url, doc, await ws.token(m));
      await c.synced;
      let i = 0;
      const writer = setInterval(() => c.doc.getMap('m').set(`k${i % 50}`, i++), 1);
      await waitFor(() => i >= 5 + (run % 7), 'some writes');
      wd.removeMember(m.id, w);
      await waitFor(() => c.closeCodes.includes(CLOSE.FORBIDDEN), 'the removed member to be disconnected');
      clearInterval(writer);
      c.destroy();
      const removal = (await history(workspaceDocName(ws.id))).filter((e) => e.memberId === ws.admin.id).at(-1)!.seq;
      const writes = (await history(doc)).filter((e) => e.memberId === m.id);
      late += writes.filter((e) => e.seq > removal).length;
      before += writes.filter((e) => e.seq < removal).length;
    }
    expect(late).toBe(0);
    // The race was real: the members' writes were being stored up to their removal.
    expect(before).toBeGreaterThanOrEqual(RUNS);
  }, 600_000);
});
