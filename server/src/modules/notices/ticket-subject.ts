import { LABELS, type TicketType } from '@yizhan/shared';

const SNIPPET_CHARS = 16;

/**
 * What a request is about, as a resident recognises it in their inbox: 报修「水电：厨房水管漏水，已关闭总阀」.
 * A number like BX20261123-0021 means nothing to them; their own words and the category do.
 */
export function ticketSubject(ticket: { type: TicketType; category: string; description: string }): string {
  const firstLine = ticket.description.trim().split(/\r?\n/)[0] ?? '';
  const chars = [...firstLine];
  const snippet =
    chars.length > SNIPPET_CHARS
      ? `${chars
          .slice(0, SNIPPET_CHARS)
          .join('')
          .replace(/[，。、；,.;\s]+$/u, '')}…`
      : firstLine;
  return `${LABELS.type[ticket.type]}「${ticket.category}${snippet ? `：${snippet}` : ''}」`;
}
