/**
 * The entities linked to a seizure, for the seizure detail ("Hai Phong Trading Co. — shipper of"):
 * the case's links whose `to` is the seizure, read through useCaseLinks with the seizure looked up
 * in the data service's projection, so a seizure held in a volume doc (which the window's replica
 * does not hold) lists its links as one in the case doc does. While that look-up runs it says so;
 * shows nothing when there are no links.
 */
import type { ReactNode } from 'react';
import type { CaseDoc } from '../../../shared/docs/case-doc';
import { entityLabel } from '../../../shared/docs/case-entities';
import { t } from '../../../shared/messages';
import { kindLabel, relationshipLabel } from './entity-labels';
import { KIND_STYLE } from './entity-style';
import { useCaseLinks } from './use-case-links';
import './entities.css';

/** Props of {@link LinkedEntities}. */
export interface LinkedEntitiesProps {
  workspaceId: string;
  caseId: string;
  caseDoc: CaseDoc;
  seizureId: string;
  /** Changes when the replica's links, entities or seizures may have changed: the links are read again. */
  version: unknown;
}

/** The linked-entities section of a seizure detail. */
export function LinkedEntities(props: LinkedEntitiesProps): ReactNode {
  const { links: all, pending } = useCaseLinks(props.workspaceId, props.caseId, props.caseDoc, props.version, true, props.seizureId);
  const links = all.filter((l) => l.to === props.seizureId);
  if (!links.length && !pending) return null;
  return (
    <div className="detail-section" data-testid="seizure-linked-entities">
      <h3 className="detail-heading">{t('entity.linked-entities')}</h3>
      {!links.length ? <p className="muted small" data-testid="linked-entities-looking-up">{t('entity.linked-entities-looking-up')}</p> : null}
      <ul className="entity-links" hidden={!links.length}>
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
