import { escapeHtml } from './escape.js';

export const SHOP = 'mercato';

/** Subjects go into a header: no line breaks, whatever a name or title contains. */
export function oneLine(value: string): string {
  return value.replace(/[\r\n\t]+/g, ' ').trim();
}

/** UTC, to the minute: "2026-01-02 03:04 UTC". */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The HTML frame of every email; `bodyHtml` is already escaped by the caller. */
export function layout(title: string, bodyHtml: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f6f6f6;font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#222">
<div style="max-width:560px;margin:0 auto;background:#fff;border-radius:8px;padding:32px">
${bodyHtml}
<p style="margin-top:32px;font-size:12px;color:#888">${escapeHtml(SHOP)}</p>
</div>
</body>
</html>
`;
}

/** A call-to-action link, with the plain URL under it for clients that hide buttons. */
export function button(href: string, label: string): string {
  return `<p><a href="${escapeHtml(href)}" style="display:inline-block;padding:12px 20px;background:#222;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(label)}</a></p>
<p style="font-size:13px;color:#555">Or copy this link into your browser:<br><a href="${escapeHtml(href)}">${escapeHtml(href)}</a></p>`;
}
