import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import type { PageHandle } from '../harness/browsers';
import { describeEachBrowser } from '../harness/env';
import { PAGE_SIZE } from '../../../notes/paging';
import {
  firefoxProfileWithAddon,
  launchChromiumProfile,
  launchFirefoxProfile,
  listNotes,
  removeDir,
  sendFromExtensionPage,
  sleep,
} from './lib';

// G21: the browser killed mid-save. On one persistent profile, the test saves notes (adds and
// edits, bodies of 1–12 KB) as fast as the background acknowledges them and SIGKILLs the browser
// process at a random moment, KILLS times; after each kill it relaunches on the same profile and
// checks: the database opens (the notes page lists), every acknowledged write is there exactly,
// nothing is half written (every body is whole, self-checking), and nothing unknown appeared — a
// write that was in flight at the kill is either wholly there or wholly absent.
// The moments come from a seeded generator; the seed is in the failure message.

const KILLS = 20;
const LAVROV = 'person/sergey-lavrov';

/** A self-checking body: its length is written at both ends, so any truncation is caught. */
function body(tag: string, size: number): string {
  return `crash ${tag} ${size}|${'ب'.repeat(size)}|${size} end`;
}
const WHOLE = /^crash (\S+) (\d+)\|(ب*)\|(\d+) end$/;
function whole(text: string): boolean {
  const m = WHOLE.exec(text);
  return !!m && m[2] === m[4] && m[3].length === Number(m[2]);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

/** The Chromium started by this process on `profile` (its main process: our child). */
async function chromiumPid(profile: string): Promise<number> {
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = await readFile(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid !== process.pid) continue;
      const cmd = await readFile(`/proc/${entry}/cmdline`, 'utf8');
      if (cmd.includes(`--user-data-dir=${profile}`)) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  throw new Error(`no Chromium child process on ${profile}`);
}

interface Run {
  ext: PageHandle;
  pid: number;
  /** Resolves once the killed browser is gone. */
  gone(): Promise<void>;
}

describeEachBrowser('G21 a browser killed mid-save', (kind) => {
  it(`G21: ${KILLS} SIGKILLs at random moments lose no acknowledged note and leave none half written`, async () => {
    const seed = Date.now() % 1_000_000;
    const random = rng(seed);
    const profile =
      kind === 'chromium' ? await mkdtemp(join(tmpdir(), 'hashiya-e2e-g21-')) : await firefoxProfileWithAddon();

    async function start(): Promise<Run> {
      if (kind === 'chromium') {
        const run = await launchChromiumProfile(profile);
        const closed = new Promise<void>((r) => run.ctx.once('close', () => r()));
        const ext = await run.open(`${run.extensionOrigin}/notes.html`);
        return { ext, pid: await chromiumPid(profile), gone: () => closed };
      }
      const run = await launchFirefoxProfile(profile);
      const child = run.browser.process();
      if (!child?.pid) throw new Error('no Firefox process');
      const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
      const ext = await run.openExtensionPage('notes.html');
      return { ext, pid: child.pid, gone: () => exited };
    }

    /** Acknowledged state: id → body. In flight at a kill: either outcome is allowed. */
    const acked = new Map<string, string>();
    const sentAdds = new Set<string>();
    const sentEdits = new Map<string, Set<string>>();
    let writes = 0;

    try {
      for (let round = 0; round <= KILLS; round++) {
        const run = await start();
        const where = `seed ${seed}, after kill ${round}`;

        // The database opens and holds exactly what was acknowledged, each note whole.
        const stored = await listNotes(run.ext);
        const byId = new Map(stored.filter((n) => n.body.startsWith('crash ')).map((n) => [n.id, n.body]));
        for (const [id, text] of byId) {
          expect(whole(text), `${where}: half-written note ${id}: ${text.slice(0, 40)}…`).toBe(true);
          const known =
            acked.get(id) === text || sentEdits.get(id)?.has(text) || (!acked.has(id) && sentAdds.has(text));
          expect(known, `${where}: note ${id} holds text nobody wrote last`).toBe(true);
          acked.set(id, text); // an in-flight write that landed is now the state
        }
        for (const id of acked.keys()) expect(byId.has(id), `${where}: acknowledged note ${id} is missing`).toBe(true);
        sentAdds.clear();
        sentEdits.clear();
        if (acked.size) {
          // And the notes page itself lists them (its first page of PAGE_SIZE; it read the same database).
          const listed = await run.ext.waitFor(() => document.querySelectorAll('[data-testid="note-item"]').length);
          expect(listed, where).toBeGreaterThanOrEqual(Math.min(acked.size, PAGE_SIZE));
        }
        if (round === KILLS) {
          await run.ext.close().catch(() => {});
          process.kill(run.pid, 'SIGKILL');
          await run.gone();
          break;
        }

        // Save as fast as acknowledged until the kill, 150–1200 ms in.
        const url = await run.ext.evaluate(() => location.href);
        let killed = false;
        const timer = setTimeout(
          () => {
            killed = true;
            process.kill(run.pid, 'SIGKILL');
          },
          150 + random() * 1050,
        );
        try {
          for (let i = 0; !killed; i++) {
            const text = body(`r${round}n${i}`, 1000 + Math.floor(random() * 11_000));
            const ids = [...acked.keys()];
            const edit = ids.length > 0 && random() < 0.3 ? ids[Math.floor(random() * ids.length)] : null;
            let reply;
            try {
              if (edit) {
                if (!sentEdits.has(edit)) sentEdits.set(edit, new Set());
                sentEdits.get(edit)!.add(text);
                reply = await sendFromExtensionPage<{ id: string; body: string }>(run.ext, 'updateNote', {
                  url,
                  id: edit,
                  patch: { body: text },
                });
              } else {
                sentAdds.add(text);
                reply = await sendFromExtensionPage<{ id: string; body: string }>(run.ext, 'addNote', {
                  url,
                  note: { kind: 'entity', entityId: LAVROV, body: text },
                });
              }
            } catch (e) {
              if (killed) break; // the page died with the browser: this write was in flight
              throw e;
            }
            if (!reply?.res) {
              if (killed) break;
              throw new Error(`${where}: write refused: ${JSON.stringify(reply)}`);
            }
            acked.set(reply.res.id, reply.res.body);
            writes++;
          }
        } finally {
          clearTimeout(timer);
        }
        await run.gone();
        await sleep(100);
      }
      expect(writes, 'writes were acknowledged between the kills').toBeGreaterThan(KILLS);
      console.log(`[G21 ${kind}] seed ${seed}: ${KILLS} kills, ${writes} acknowledged writes, ${acked.size} notes`);
    } finally {
      await removeDir(profile);
    }
  }, 600_000);
});
