import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { conflict, DomainError, notFound } from '@gongzhi/domain';
import type { Actor } from '../policies/actor.ts';
import { toIsoCst } from '../lib/time.ts';
import type { PreparedExport } from './exports.ts';

/**
 * Large exports as background jobs: the file is written to a temporary directory while the caller watches the
 * progress, then downloaded. The job's status lives in a small JSON file beside it, so in a cluster any server
 * process answers the progress and the download (they share the machine's temporary directory).
 */
export type ExportJobKind = 'people' | 'cases';
export type ExportJobState = 'running' | 'ready' | 'failed';

interface JobStatus {
  id: string;
  kind: ExportJobKind;
  ownerId: string;
  state: ExportJobState;
  done: number;
  total: number;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
}

/** Finished files are kept this long for the download, then removed. */
const KEEP_MS = 60 * 60_000;
/** Exports one account may have running at once. */
const MAX_RUNNING_PER_ACCOUNT = 2;
/** Progress is written to the status file at most this often. */
const PERSIST_EVERY_MS = 500;

const dir = () => path.join(os.tmpdir(), 'gongzhi-exports');
const statusPath = (id: string) => path.join(dir(), `${id}.json`);
const filePath = (id: string) => path.join(dir(), `${id}.xlsx`);
const running = new Map<string, JobStatus>();

const toDto = (j: JobStatus) => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  done: j.done,
  total: j.total,
  percent: j.state === 'ready' ? 100 : j.total > 0 ? Math.min(99, Math.floor((j.done / j.total) * 100)) : 0,
  fileName: j.fileName,
  createdAt: j.createdAt,
  finishedAt: j.finishedAt,
  downloadUrl: j.state === 'ready' ? `/api/exports/jobs/${j.id}/file` : null,
});
export type ExportJobDto = ReturnType<typeof toDto>;

async function persist(j: JobStatus) {
  await writeFile(statusPath(j.id), JSON.stringify(j));
}

/** Removes the files of jobs older than KEEP_MS (called when a job starts). */
async function sweep() {
  const names = await readdir(dir()).catch(() => [] as string[]);
  const now = Date.now();
  for (const name of names) {
    const p = path.join(dir(), name);
    const s = await stat(p).catch(() => null);
    if (s && now - s.mtimeMs > KEEP_MS) await rm(p, { force: true });
  }
}

/** Refuses a new job while the account has enough running in this process (checked before the export is prepared). */
export function assertCanStartExport(actor: Actor) {
  const mine = [...running.values()].filter((j) => j.ownerId === actor.id && j.state === 'running').length;
  if (mine >= MAX_RUNNING_PER_ACCOUNT) throw new DomainError('too_many', 'too_many_exports', `您已有 ${mine} 个导出正在进行，请等其完成后再导出`);
}

/** Jobs still writing in this process (`run` never rejects: a failure ends as the job's `failed` state). */
const unfinished = new Set<Promise<void>>();

/**
 * Waits for the jobs still writing: closing the server calls it before the database closes, so a job started just
 * before a shutdown finishes its file instead of failing on a closed connection.
 */
export async function settleExportJobs(): Promise<void> {
  await Promise.allSettled([...unfinished]);
}

/** Starts writing a prepared export (scope and filters already checked) and answers at once with its status. */
export async function startExportJob(actor: Actor, kind: ExportJobKind, prepared: PreparedExport): Promise<ExportJobDto> {
  assertCanStartExport(actor);
  await mkdir(dir(), { recursive: true });
  await sweep();
  const job: JobStatus = { id: randomUUID(), kind, ownerId: actor.id, state: 'running', done: 0, total: prepared.total, fileName: prepared.fileName, createdAt: toIsoCst(new Date())!, finishedAt: null };
  running.set(job.id, job);
  await persist(job);
  const writing = run(job, prepared);
  unfinished.add(writing);
  void writing.finally(() => unfinished.delete(writing));
  return toDto(job);
}

async function run(job: JobStatus, prepared: PreparedExport) {
  const part = `${filePath(job.id)}.part`;
  let lastPersist = Date.now();
  try {
    const out = createWriteStream(part);
    const done = finished(out);
    const rows = await prepared.write(out, (n) => {
      job.done = n;
      if (Date.now() - lastPersist >= PERSIST_EVERY_MS) {
        lastPersist = Date.now();
        void persist(job).catch(() => undefined);
      }
    });
    await done;
    await rename(part, filePath(job.id));
    Object.assign(job, { state: 'ready', done: rows, total: rows, finishedAt: toIsoCst(new Date()) });
  } catch (err) {
    console.error('[gongzhi] export failed', job.id, err);
    Object.assign(job, { state: 'failed', finishedAt: toIsoCst(new Date()) });
    await rm(part, { force: true });
  } finally {
    await persist(job).catch(() => undefined);
    running.delete(job.id);
  }
}

async function load(actor: Actor, id: string): Promise<JobStatus> {
  const live = running.get(id);
  const job = live ?? (await readFile(statusPath(id), 'utf8').then((s) => JSON.parse(s) as JobStatus).catch(() => null));
  // Another account's job is answered like one that does not exist.
  if (!job || job.ownerId !== actor.id) throw notFound('导出任务');
  return job;
}

export async function getExportJob(actor: Actor, id: string): Promise<ExportJobDto> {
  return toDto(await load(actor, id));
}

/** The finished file of the caller's own job. */
export async function exportJobFile(actor: Actor, id: string) {
  const job = await load(actor, id);
  if (job.state === 'failed') throw conflict('export_failed', '导出失败，请重新导出');
  if (job.state !== 'ready') throw conflict('export_not_ready', `导出尚未完成（已写入 ${job.done} / ${job.total} 行）`);
  const s = await stat(filePath(id)).catch(() => null);
  if (!s) throw notFound('导出文件');
  return { fileName: job.fileName, size: s.size, stream: createReadStream(filePath(id)) };
}
