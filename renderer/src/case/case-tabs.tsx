/**
 * The case tabs (overview, notes, seizures, tasks, timeline, map, valuation) as links, so each tab has its own address and the
 * back button works; marked up as a tab list for assistive technology.
 */
import type { ReactNode } from 'react';
import { routeHref, type CaseTab } from '../app/router';
import { Icon, type IconName } from '../ui/icons';
import { formatCount } from '../format/numbers';
import { t, type MessageId } from '../../../shared/messages';

const TABS: { tab: CaseTab; label: MessageId; icon: IconName }[] = [
  { tab: 'overview', label: 'ui.case.tabs.overview', icon: 'file' },
  { tab: 'notes', label: 'ui.notes.tab', icon: 'edit' },
  { tab: 'seizures', label: 'ui.case.tabs.seizures', icon: 'table' },
  { tab: 'entities', label: 'entity.tab', icon: 'users' },
  { tab: 'chart', label: 'chart.title', icon: 'link' },
  { tab: 'exhibits', label: 'ui.exhibits.tab', icon: 'file' },
  { tab: 'tasks', label: 'ui.tasks.tab', icon: 'check' },
  { tab: 'timeline', label: 'ui.timeline.tab', icon: 'layers' },
  { tab: 'map', label: 'ui.case.tabs.map', icon: 'map' },
  { tab: 'valuation', label: 'ui.case.tabs.valuation', icon: 'chart' },
];

/** The tab bar of a case; the seizure and mapped counts are the projection's (null until known: no count is shown). */
export function CaseTabs(props: { ws: string; caseId: string; tab: CaseTab; seizureCount: number | null; mappedCount: number | null }): ReactNode {
  return (
    <div className="tabs" role="tablist" aria-label={t('ui.case.tabs.label')}>
      {TABS.map((tab) => (
        <a
          key={tab.tab}
          id={`case-tab-${tab.tab}`}
          className="tab"
          role="tab"
          aria-selected={props.tab === tab.tab}
          aria-controls={props.tab === tab.tab ? `case-panel-${tab.tab}` : undefined}
          href={routeHref({ name: 'case', ws: props.ws, caseId: props.caseId, tab: tab.tab })}
        >
          <Icon name={tab.icon} size={15} />
          {t(tab.label)}
          {tab.tab === 'seizures' && props.seizureCount !== null ? <span className="tab-count">{formatCount(props.seizureCount)}</span> : null}
          {tab.tab === 'map' && props.mappedCount !== null ? <span className="tab-count">{formatCount(props.mappedCount)}</span> : null}
        </a>
      ))}
    </div>
  );
}
