/**
 * The actions column of the valuation tables (price references, member rates, imported ECB files):
 * a column whose header only screen readers hear, holding a row's icon buttons — edit and delete,
 * each labelled with what it acts on — or nothing when the member may not change the list.
 */
import type { ReactNode } from 'react';
import { t } from '../../../shared/messages';
import type { Column } from '../ui/data-table';
import { Icon } from '../ui/icons';

/** An actions column of a {@link DataTable} whose cells are `cell(row)`. */
export function actionsColumn<R>(cell: (row: R) => ReactNode): Column<R> {
  return { id: 'actions', header: t('valuation.common.actions'), hideHeader: true, className: 'col-actions', headerClassName: 'col-actions', cell };
}

/** Props of {@link EditDeleteButtons}: the buttons' accessible names ("Edit price: gold") and actions. */
export interface EditDeleteButtonsProps {
  editLabel: string;
  deleteLabel: string;
  onEdit: () => void;
  onDelete: () => void;
}

/** A row's edit and delete icon buttons. */
export function EditDeleteButtons(props: EditDeleteButtonsProps): ReactNode {
  return (
    <span className="row-actions">
      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={props.editLabel} onClick={props.onEdit}>
        <Icon name="edit" size={14} />
      </button>
      <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={props.deleteLabel} onClick={props.onDelete}>
        <Icon name="trash" size={14} />
      </button>
    </span>
  );
}
