import { Tooltip, Typography } from 'antd';
import { useT } from '../i18n/use-t.ts';
import { shortenTicket } from './draw-format.ts';

/** A ticket shortened in the cell; the full ticket on hover and in the copy. */
export function TicketText({ ticket }: { ticket: string }) {
  const t = useT();
  return (
    <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{ticket}</span>}>
      <Typography.Text
        copyable={{ text: ticket, tooltips: [t('draw.copyTicket'), t('draw.copied')] }}
        data-ticket={ticket}
        style={{
          fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
          whiteSpace: 'nowrap',
        }}
      >
        {shortenTicket(ticket)}
      </Typography.Text>
    </Tooltip>
  );
}
