'use client';

import { useRef, useState } from 'react';
import { Notice } from '../ui';
import s from './admin.module.css';
import p from './product-form.module.css';

interface Rejected {
  row: number;
  lines?: number[];
  slug: string | null;
  errors: Array<{ pointer: string; message: string }>;
}
interface Report {
  dryRun: true;
  total: number;
  valid: number;
  rejected: Rejected[];
}
interface Imported {
  imported: number;
  products: Array<{ id: string; slug: string }>;
}
interface ProblemBody {
  status?: number;
  code?: string;
  detail?: string;
  title?: string;
  rejected?: Rejected[];
  errors?: Array<{ pointer: string; message: string }>;
}

type Phase = { kind: 'idle' } | { kind: 'sending'; sent: number; total: number; dryRun: boolean } | { kind: 'checking'; dryRun: boolean };

export type ImportLabels = Record<
  | 'file'
  | 'fileHint'
  | 'check'
  | 'import'
  | 'sending'
  | 'checking'
  | 'importing'
  | 'valid'
  | 'rejectedTitle'
  | 'row'
  | 'lines'
  | 'slug'
  | 'reasons'
  | 'imported'
  | 'nothingImported'
  | 'chooseFile'
  | 'checkFirst'
  | 'progress',
  string
>;

const fill = (text: string, vars: Record<string, string | number>) => text.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m));

/**
 * Import from a CSV or JSON file: a dry run first (every rejected row with its line and reason),
 * then the real import (all or nothing). The bar shows how much of the file has been sent; then
 * the server checks every row (the catalog reports no progress of its own, so that part says
 * "checking" without a percentage).
 */
export function ImportForm({ labels: L }: { labels: ImportLabels }) {
  const input = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'idle' });
  const [report, setReport] = useState<Report | undefined>();
  const [rejected, setRejected] = useState<Rejected[] | undefined>();
  const [done, setDone] = useState<Imported | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [checkedFile, setCheckedFile] = useState<string | undefined>();

  const fileKey = (f: File) => `${f.name}:${f.size}:${f.lastModified}`;

  function send(dryRun: boolean) {
    const file = input.current?.files?.[0];
    setError(undefined);
    setDone(undefined);
    if (!file) {
      setError(L.chooseFile);
      return;
    }
    const format = file.name.toLowerCase().endsWith('.json') ? 'json' : 'csv';
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/admin/import/upload?format=${format}&dryRun=${dryRun}`);
    xhr.setRequestHeader('content-type', format === 'json' ? 'application/json' : 'text/csv');
    xhr.upload.onprogress = (e) => setPhase({ kind: 'sending', sent: e.loaded, total: e.lengthComputable ? e.total : file.size, dryRun });
    xhr.upload.onload = () => setPhase({ kind: 'checking', dryRun });
    xhr.onerror = () => {
      setPhase({ kind: 'idle' });
      setError(L.nothingImported);
    };
    xhr.onload = () => {
      setPhase({ kind: 'idle' });
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = {};
      }
      if (xhr.status === 200) {
        const r = body as Report;
        setReport(r);
        setRejected(r.rejected);
        setCheckedFile(r.rejected.length === 0 ? fileKey(file) : undefined);
      } else if (xhr.status === 201) {
        setDone(body as Imported);
        setRejected(undefined);
        setCheckedFile(undefined);
      } else {
        const pb = body as ProblemBody;
        setRejected(pb.rejected);
        setCheckedFile(undefined);
        const fields = (pb.errors ?? []).map((e) => `${e.pointer}: ${e.message}`).join('; ');
        setError(`${pb.detail ?? pb.title ?? `HTTP ${xhr.status}`}${fields ? ` (${fields})` : ''} ${L.nothingImported}`);
      }
    };
    setPhase({ kind: 'sending', sent: 0, total: file.size, dryRun });
    xhr.send(file);
  }

  const busy = phase.kind !== 'idle';
  const current = input.current?.files?.[0];
  const canImport = !busy && current !== undefined && checkedFile === fileKey(current);
  return (
    <div>
      <div className={s.panel}>
        <div className={p.field}>
          <label htmlFor="import-file" className={p.label}>
            {L.file}
          </label>
          <input
            ref={input}
            id="import-file"
            type="file"
            accept=".csv,.json,text/csv,application/json"
            aria-describedby="import-file-hint"
            onChange={() => {
              setReport(undefined);
              setRejected(undefined);
              setDone(undefined);
              setError(undefined);
              setCheckedFile(undefined);
            }}
          />
          <span id="import-file-hint" className={s.muted}>
            {L.fileHint}
          </span>
        </div>
        <div className={s.actions}>
          <button type="button" className={s.smallButton} disabled={busy} onClick={() => send(true)}>
            {L.check}
          </button>
          <button type="button" className={`${s.smallButton} ${s.outline}`} disabled={!canImport} aria-describedby="import-when" onClick={() => send(false)}>
            {L.import}
          </button>
          <span id="import-when" className={s.muted}>
            {L.checkFirst}
          </span>
        </div>
      </div>
      <div aria-live="polite">
        {phase.kind === 'sending' ? (
          <div className={s.panel}>
            <label htmlFor="import-progress">{fill(L.sending, { percent: Math.round((100 * phase.sent) / Math.max(1, phase.total)) })}</label>
            <progress id="import-progress" className={p.progress} max={Math.max(1, phase.total)} value={phase.sent} aria-label={L.progress} />
          </div>
        ) : null}
        {phase.kind === 'checking' ? (
          <div className={s.panel}>
            <label htmlFor="import-progress">{phase.dryRun ? L.checking : L.importing}</label>
            <progress id="import-progress" className={p.progress} aria-label={L.progress} />
          </div>
        ) : null}
        {error ? <Notice kind="error">{error}</Notice> : null}
        {done ? <Notice kind="ok">{fill(L.imported, { count: done.imported })}</Notice> : null}
        {report && !error ? <Notice kind={report.rejected.length ? 'error' : 'ok'}>{fill(L.valid, { valid: report.valid, total: report.total, rejected: report.rejected.length })}</Notice> : null}
      </div>
      {rejected && rejected.length > 0 ? (
        <section className={s.panel} aria-labelledby="rejected-title">
          <h2 id="rejected-title">{fill(L.rejectedTitle, { count: rejected.length })}</h2>
          <div className={s.tableWrap}>
            <table className={s.table}>
              <caption className="visually-hidden">{fill(L.rejectedTitle, { count: rejected.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{L.row}</th>
                  <th scope="col">{L.lines}</th>
                  <th scope="col">{L.slug}</th>
                  <th scope="col">{L.reasons}</th>
                </tr>
              </thead>
              <tbody>
                {rejected.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.lines?.join(', ') ?? '–'}</td>
                    <td>{r.slug ?? '–'}</td>
                    <td>
                      <ul className={p.reasons}>
                        {r.errors.map((e, i) => (
                          <li key={i}>
                            {e.pointer ? <code>{e.pointer}</code> : null} {e.message}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {done ? (
        <ul>
          {done.products.slice(0, 50).map((x) => (
            <li key={x.id}>
              <a href={`/admin/catalog/${x.id}`}>{x.slug}</a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
