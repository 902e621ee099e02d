import type { Message } from '../messages/message.js';
import { escapeHtml } from '../templates/escape.js';

/** The development mailbox: the latest messages of the delivery log as one HTML page. */
export function renderMailboxPage(messages: readonly Message[], basePath: string, token?: string): string {
  const query = token ? `?token=${encodeURIComponent(token)}` : '';
  const rows = messages
    .map(
      (m) => `<tr>
<td>${escapeHtml(m.createdAt.toISOString())}</td>
<td><a href="${escapeHtml(`${basePath}/${encodeURIComponent(m.id)}${query}`)}">${escapeHtml(m.subject || m.text.slice(0, 80))}</a></td>
<td>${escapeHtml(m.channel)}</td>
<td>${escapeHtml(m.recipient)}</td>
<td class="${escapeHtml(m.status)}">${escapeHtml(m.status)}${m.attempts > 1 ? ` (${m.attempts} attempts)` : ''}</td>
<td>${m.lastError ? escapeHtml(m.lastError) : ''}</td>
</tr>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>mercato mailbox</title>
<style>body{font-family:system-ui,sans-serif;margin:24px}table{border-collapse:collapse;width:100%}td,th{border-bottom:1px solid #ddd;padding:6px 8px;text-align:left;font-size:14px}.sent{color:#080}.failed{color:#b00}.pending,.sending{color:#a60}</style>
</head>
<body>
<h1>Mailbox</h1>
<p>The latest emails of the delivery log (development only: nothing here left this machine unless SMTP is configured).</p>
<table>
<thead><tr><th>time (UTC)</th><th>subject</th><th>channel</th><th>to</th><th>status</th><th>last error</th></tr></thead>
<tbody>
${rows || '<tr><td colspan="6">No messages yet.</td></tr>'}
</tbody>
</table>
</body>
</html>
`;
}
