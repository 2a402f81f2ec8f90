/**
 * Tells the user that the data service refused a change (it would have erased a custody hand-over,
 * an audit entry or another logged entry, or removed records for good): an error toast with the
 * service's reason. The doc itself has already been reloaded from the service's state
 * (DataClient `retire`, useDocView), so what is shown again is what is stored.
 */
import { useEffect, type ReactNode } from 'react';
import { t } from '../../../shared/messages';
import { useClient } from '../app/services';
import { useToast } from '../ui/toast';

/** The rejected-change toast; render once, inside the ToastProvider. */
export function RejectedChangeNotice(): ReactNode {
  const client = useClient();
  const toast = useToast();
  useEffect(() => client.onRejected((_doc, status) => toast(status.message ?? t('data.change-rejected'), 'error')), [client, toast]);
  return null;
}
