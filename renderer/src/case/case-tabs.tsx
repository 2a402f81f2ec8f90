/**
 * The case tabs (overview, seizures, map, valuation) as links, so each tab has its own address and the
 * back button works; marked up as a tab list for assistive technology.
 */
import type { ReactNode } from 'react';
import { routeHref, type CaseTab } from '../app/router';
import { Icon, type IconName } from '../ui/icons';
import { formatCount } from '../format/numbers';

const TABS: { tab: CaseTab; label: string; icon: IconName }[] = [
  { tab: 'overview', label: 'Overview', icon: 'file' },
  { tab: 'seizures', label: 'Seizures', icon: 'table' },
  { tab: 'map', label: 'Map', icon: 'map' },
  { tab: 'valuation', label: 'Valuation', icon: 'chart' },
];

/** The tab bar of a case. */
export function CaseTabs(props: { ws: string; caseId: string; tab: CaseTab; seizureCount: number; mappedCount: number }): ReactNode {
  return (
    <div className="tabs" role="tablist" aria-label="Case sections">
      {TABS.map((t) => (
        <a
          key={t.tab}
          id={`case-tab-${t.tab}`}
          className="tab"
          role="tab"
          aria-selected={props.tab === t.tab}
          aria-controls={props.tab === t.tab ? `case-panel-${t.tab}` : undefined}
          href={routeHref({ name: 'case', ws: props.ws, caseId: props.caseId, tab: t.tab })}
        >
          <Icon name={t.icon} size={15} />
          {t.label}
          {t.tab === 'seizures' ? <span className="tab-count">{formatCount(props.seizureCount)}</span> : null}
          {t.tab === 'map' ? <span className="tab-count">{formatCount(props.mappedCount)}</span> : null}
        </a>
      ))}
    </div>
  );
}
