/**
 * The entities linked to a seizure, for the seizure detail ("Hai Phong Trading Co. — shipper of"):
 * read from the case doc's links whose `to` is the seizure. Shows nothing when there are none.
 */
import type { ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { entityLabel } from '../../../shared/docs/case-entities';
import { t } from '../../../shared/messages';
import { kindLabel, relationshipLabel } from './entity-labels';
import { KIND_STYLE } from './entity-style';
import './entities.css';

/** The linked-entities section of a seizure detail. */
export function LinkedEntities(props: { caseDoc: CaseDoc; seizureId: string }): ReactNode {
  const links = props.caseDoc.listLinks().filter((l) => l.to === props.seizureId);
  if (!links.length) return null;
  return (
    <div className="detail-section" data-testid="seizure-linked-entities">
      <h3 className="detail-heading">{t('entity.linked-entities')}</h3>
      <ul className="entity-links">
        {links.map((l) => {
          const e = props.caseDoc.getEntity(l.from);
          if (!e) return null;
          return (
            <li key={l.id} className="entity-link">
              <span className="kind-dot" style={{ background: KIND_STYLE[e.kind].color }} aria-hidden="true" />
              <span className="entity-name">{entityLabel(e)}</span>
              <span className="entity-link-rel">
                {kindLabel(e.kind)} · {relationshipLabel(l.relationship)}
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
