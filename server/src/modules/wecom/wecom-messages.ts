import type { WecomSettings } from '../../common/config/app-config';
import { friendlyTime } from '../notices/notices.service';
import type { WecomMessage } from './wecom.client';
import type { WecomOutbox } from './wecom.entities';

/** Mini-program page of a request on the staff side (the 员工端 subpackage). */
export const STAFF_TICKET_PAGE = (ticketId: string) => `subpackages/staff/pages/ticket/index?id=${ticketId}`;

/** Cut a string to at most `bytes` UTF-8 bytes (WeCom counts bytes), never splitting a character. */
export function clipBytes(text: string, bytes: number): string {
  if (Buffer.byteLength(text) <= bytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch + '…') > bytes) break;
    out += ch;
  }
  return out + '…';
}
const clipChars = (text: string, n: number) => ([...text].length <= n ? text : [...text].slice(0, n - 1).join('') + '…');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

type Row = Pick<WecomOutbox, 'id' | 'ticketId' | 'urgent' | 'title' | 'body' | 'createdAt'>;

/**
 * The admin page of the request. `?wecom=<row>` makes each row's message differ from
 * another row's with the same words (a second dispatch in the same minute), which
 * WeCom's duplicate check would otherwise drop; a retry of one row stays identical,
 * so that check still catches a double send of it.
 */
export function adminLink(publicBaseUrl: string, ticketId: string | null, rowId: string): string {
  return `${publicBaseUrl}/admin/${ticketId ? `tickets/${ticketId}` : ''}?wecom=${rowId}`;
}

/**
 * One notice as a message: a textcard (title ≤ 128 bytes, description ≤ 512 bytes)
 * opening the request in the admin pages, or — when the staff mini-program is
 * associated with the corp — a miniprogram_notice opening its staff ticket page.
 */
export function messageFor(row: Row, wecom: Pick<WecomSettings, 'miniprogramAppid'>, publicBaseUrl: string): WecomMessage {
  const title = clipBytes(row.urgent ? `【紧急】${row.title}` : row.title, 128);
  if (wecom.miniprogramAppid && row.ticketId) {
    return {
      msgtype: 'miniprogram_notice',
      miniprogram_notice: {
        appid: wecom.miniprogramAppid,
        page: `${STAFF_TICKET_PAGE(String(row.ticketId))}&wecom=${row.id}`,
        // title and description: 4–12 characters; content values ≤ 30, keys ≤ 10.
        title: clipChars(row.urgent ? `紧急·${row.title}` : row.title, 12),
        description: friendlyTime(row.createdAt),
        emphasis_first_item: row.urgent,
        content_item: [
          { key: '工单', value: clipChars(row.body.split(' ')[0] ?? '', 30) },
          { key: '内容', value: clipChars(row.body.split(' ').slice(1).join(' '), 30) },
        ],
      },
    };
  }
  // ≤ 512 bytes in all: the text is cut, never the markup around it.
  const head = `<div class="gray">${friendlyTime(row.createdAt)}</div><div class="${row.urgent ? 'highlight' : 'normal'}">`;
  const tail = '</div>';
  const text = clipBytes(escapeHtml(row.body), 512 - Buffer.byteLength(head + tail)).replace(/&[a-z]*…$/, '…');
  return {
    msgtype: 'textcard',
    textcard: { title, description: head + text + tail, url: adminLink(publicBaseUrl, row.ticketId, String(row.id)), btntxt: '详情' },
  };
}

/** One message for what exceeded WeCom's limit: how many, the first titles, a link to the admin pages. */
export function digestFor(rows: Row[], publicBaseUrl: string): WecomMessage {
  // Titles and request numbers only (≤ ~80 bytes a line, ≤ ~480 in all), so five lines fit in 512 bytes.
  const lines = rows
    .slice(0, 5)
    .map((r) => `<div class="normal">· ${escapeHtml(clipBytes(r.title, 30))} ${escapeHtml((r.body.split(' ')[0] ?? '').slice(0, 20))}</div>`);
  const more = rows.length > 5 ? `<div class="gray">……另有 ${rows.length - 5} 条</div>` : '';
  return {
    msgtype: 'textcard',
    textcard: {
      title: `您有 ${rows.length} 条新通知`,
      description: clipBytes(`<div class="gray">消息较多，已合并发送</div>${lines.join('')}${more}`, 512),
      url: adminLink(publicBaseUrl, null, String(rows[rows.length - 1]!.id)),
      btntxt: '查看',
    },
  };
}
